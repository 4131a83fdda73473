// The table of health checks: one row per dependency with status, latency and detail.
import './health.css';
import { KNOWN_CHECKS, type HealthCheck, type HealthReport } from '../../api/health';
import { CheckBadge } from './StatusBadge';

interface Row {
  key: string;
  label: string;
  check: HealthCheck | undefined;
}

/** Known checks first in a fixed order, then anything new the server reports. */
function rowsOf(report: HealthReport): Row[] {
  const known = KNOWN_CHECKS.map(({ key, label }) => ({ key, label, check: report.checks[key] }));
  const knownKeys = new Set<string>(KNOWN_CHECKS.map((c) => c.key));
  const extra = Object.entries(report.checks)
    .filter(([key]) => !knownKeys.has(key))
    .map(([key, check]) => ({ key, label: key.charAt(0).toUpperCase() + key.slice(1), check }));
  return [...known, ...extra];
}

export function formatLatency(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms).toString()} ms`;
}

export function ChecksTable({ report }: { report: HealthReport }) {
  return (
    <table className="data-table checks-table">
      <caption className="visually-hidden">Health of each part of the system</caption>
      <thead>
        <tr>
          <th scope="col">Component</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Latency
          </th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {rowsOf(report).map(({ key, label, check }) => (
          <tr key={key} data-testid={`check-${key}`}>
            <th scope="row">{label}</th>
            <td>
              {check ? (
                <CheckBadge status={check.status} testId={`check-${key}-status`} />
              ) : (
                <span className="muted" data-testid={`check-${key}-status`}>
                  Not reported
                </span>
              )}
            </td>
            <td className="num">{formatLatency(check?.latencyMs)}</td>
            <td className={check?.detail ? undefined : 'muted'}>{check?.detail ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
