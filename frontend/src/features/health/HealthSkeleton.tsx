// Placeholder rows shown while the first health report loads.
import './health.css';
import { KNOWN_CHECKS } from '../../api/health';

export function HealthSkeleton() {
  return (
    <div aria-busy="true" data-testid="health-loading">
      <p className="visually-hidden" role="status">
        Loading system status…
      </p>
      <table className="data-table checks-table" aria-hidden="true">
        <thead>
          <tr>
            <th>Component</th>
            <th>Status</th>
            <th className="num">Latency</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {KNOWN_CHECKS.map(({ key, label }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>
                <span className="skeleton skeleton--badge" />
              </td>
              <td className="num">
                <span className="skeleton skeleton--short" />
              </td>
              <td>
                <span className="skeleton skeleton--long" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
