// A compact one-card summary of system health for the Overview page.
import './health.css';
import { ScopedLink } from '../../shared/departmentScope/ScopedLink';
import { describeError } from './describeError';
import { OverallBadge } from './StatusBadge';
import { useHealth } from './useHealth';

export function HealthSummary() {
  const { data, error, isPending } = useHealth();

  let body;
  if (isPending) {
    body = <span className="skeleton skeleton--long" aria-label="Loading system status" />;
  } else if (data) {
    const checks = Object.values(data.checks);
    const up = checks.filter((c) => c.status === 'up').length;
    body = (
      <>
        <OverallBadge status={data.status} testId="overview-status" />
        <span className="num">
          {up} of {checks.length} components up
        </span>
      </>
    );
  } else {
    body = <span className="muted">{describeError(error).title}</span>;
  }

  return (
    <section className="card health-summary" aria-labelledby="health-summary-title">
      <h2 id="health-summary-title">System status</h2>
      <div className="health-summary__line">
        {body}
        <ScopedLink to="/status">View details</ScopedLink>
      </div>
    </section>
  );
}
