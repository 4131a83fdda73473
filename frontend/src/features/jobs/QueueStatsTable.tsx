// Admins: every queue's figures in one compact table (waiting, running, the last hour's
// successes and failures, the longest wait, run times) under the count of live workers.
// A queue's name filters the list below to it; failures are marked, not only coloured.
import type { JobStats, Queue } from '../../api/jobs';
import { QUEUE_LABELS } from '../../shared/jobs/jobLabels';
import { formatSeconds, runTimesText, waitingText, workersText } from './statsFormat';

export function QueueStatsTable({ stats, onQueue }: { stats: JobStats; onQueue: (queue: Queue) => void }) {
  const workers = workersText(stats.workersAlive);
  return (
    <section className="jobs-stats" aria-labelledby="jobs-stats-title">
      <div className="jobs-section-head">
        <h2 id="jobs-stats-title">Queues</h2>
        <p className={workers.warning ? 'jobs-warning' : 'muted'} data-testid="workers-alive">
          {workers.warning && <span aria-hidden="true">! </span>}
          {workers.text}
        </p>
      </div>
      <table className="data-table jobs-stats__table">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col" className="num">Waiting</th>
            <th scope="col" className="num">Running</th>
            <th scope="col" className="num">Done (1 h)</th>
            <th scope="col" className="num">Failed (1 h)</th>
            <th scope="col" className="num">Oldest wait</th>
            <th scope="col" className="num">Run time p50 / p95</th>
          </tr>
        </thead>
        <tbody>
          {stats.queues.map((queue) => (
            <tr key={queue.queue} data-testid={`queue-${queue.queue}`}>
              <th scope="row">
                <button type="button" className="jobs-link-button" title={`Show only the ${QUEUE_LABELS[queue.queue]} queue's jobs`}
                  onClick={() => onQueue(queue.queue)}>
                  {QUEUE_LABELS[queue.queue]}
                </button>
              </th>
              <td className="num">{waitingText(queue)}</td>
              <td className="num">{queue.running}</td>
              <td className="num">{queue.succeededLastHour}</td>
              <td className={queue.failedLastHour > 0 ? 'num jobs-stats__failed' : 'num'}>
                {queue.failedLastHour > 0 && <span aria-hidden="true">! </span>}
                {queue.failedLastHour}
              </td>
              <td className="num">{formatSeconds(queue.oldestWaitingSeconds)}</td>
              <td className="num">{runTimesText(queue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
