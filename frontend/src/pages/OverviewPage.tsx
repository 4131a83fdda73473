// /: the landing page, a short welcome and a compact system status summary.
import { HealthSummary } from '../features/health/HealthSummary';

export function OverviewPage() {
  return (
    <>
      <title>Overview · Workload Tracker</title>
      <h1>Overview</h1>
      <p className="lead">
        Workload Tracker plans people’s time across projects week by week: who is assigned
        to what, how many hours, and where the team is over or under capacity.
      </p>
      <HealthSummary />
    </>
  );
}
