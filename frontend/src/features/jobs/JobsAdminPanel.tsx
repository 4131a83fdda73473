// Admins, above the list: the queue figures and the schedules on one side, and the
// tools that start work by hand (a test job, a cache warm-up) on the other. Each part
// loads on its own; one that fails says so without hiding the others.
import type { Queue } from '../../api/jobs';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { ProbeForm } from './ProbeForm';
import { QueueStatsTable } from './QueueStatsTable';
import { SchedulesTable } from './SchedulesTable';
import { useJobStats, useSchedules } from './useJobs';
import { WarmCacheButton, type OnStarted } from './WarmCacheButton';

function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function JobsAdminPanel({ onQueue, onStarted }: { onQueue: (queue: Queue) => void; onStarted: OnStarted }) {
  const stats = useJobStats(true);
  const schedules = useSchedules(true);
  return (
    <div className="jobs-admin">
      <div className="jobs-admin__figures">
        {stats.data ? (
          <QueueStatsTable stats={stats.data} onQueue={onQueue} />
        ) : stats.error ? (
          <FormAlert tone="error">The queue figures could not be loaded: {errorMessage(stats.error)}</FormAlert>
        ) : (
          <Loading what="the queue figures" />
        )}
        {schedules.data ? (
          <SchedulesTable schedules={schedules.data} />
        ) : schedules.error ? (
          <FormAlert tone="error">The schedules could not be loaded: {errorMessage(schedules.error)}</FormAlert>
        ) : (
          <Loading what="the schedules" />
        )}
      </div>
      <div className="jobs-admin__tools">
        <ProbeForm onStarted={onStarted} />
        <WarmCacheButton onStarted={onStarted} />
      </div>
    </div>
  );
}
