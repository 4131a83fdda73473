// /status: the system status page, the health report polled every 10 seconds.
import { ChecksTable } from '../features/health/ChecksTable';
import { describeError } from '../features/health/describeError';
import { HealthErrorCard } from '../features/health/HealthErrorCard';
import { HealthSkeleton } from '../features/health/HealthSkeleton';
import { StatusMeta, formatTime } from '../features/health/StatusMeta';
import { useHealth } from '../features/health/useHealth';

export function StatusPage() {
  const { data, error, isPending, isFetching, dataUpdatedAt, refetch } = useHealth();

  return (
    <>
      <title>System status · Workload Tracker</title>
      <h1>System status</h1>
      <p className="muted">
        Whether the server and the services it depends on are working. Refreshes every 10
        seconds.
      </p>
      {isPending && !error && <HealthSkeleton />}
      {!data && error && (
        <HealthErrorCard error={error} onRetry={() => void refetch()} retrying={isFetching} />
      )}
      {data && (
        <>
          {error && (
            <p className="stale-note" role="status">
              {describeError(error).title}. Showing the results from{' '}
              {formatTime(dataUpdatedAt)}.
            </p>
          )}
          <StatusMeta report={data} checkedAt={dataUpdatedAt} refreshing={isFetching} />
          <ChecksTable report={data} />
        </>
      )}
    </>
  );
}
