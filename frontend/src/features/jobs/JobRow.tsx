// One job in the list: what it is and on which queue, its state, a live progress bar,
// what came of it, its attempts (and when the next one is due), who asked and when,
// and what may be done to it.
import { useRef } from 'react';
import type { Job } from '../../api/jobs';
import { RelativeTime } from '../../ui/RelativeTime';
import { formatClock, formatExactTime } from '../../ui/formatTime';
import { JobActions } from './JobActions';
import { JobOutcome } from './JobOutcome';
import { JobProgress } from '../../shared/jobs/JobProgress';
import { JobStateBadge } from './JobStateBadge';
import { KIND_LABELS, QUEUE_LABELS, attemptsText } from '../../shared/jobs/jobLabels';

function Attempts({ job }: { job: Job }) {
  return (
    <>
      <span className="num">{attemptsText(job)}</span>
      {job.nextAttemptAt && (
        <span className="job-row__sub">
          Next attempt at{' '}
          <time dateTime={job.nextAttemptAt} title={formatExactTime(job.nextAttemptAt)}>
            {formatClock(job.nextAttemptAt)}
          </time>
        </span>
      )}
    </>
  );
}

export function JobRow({ job, onQueued }: { job: Job; onQueued: (id: number) => void }) {
  const head = useRef<HTMLTableCellElement>(null);
  return (
    <tr data-testid={`job-${job.id}`} data-state={job.state}>
      <th scope="row" tabIndex={-1} ref={head}>
        {KIND_LABELS[job.kind]} <span className="muted num">#{job.id}</span>
        <span className="job-row__sub">{QUEUE_LABELS[job.queue]} queue</span>
      </th>
      <td>
        <JobStateBadge state={job.state} cancelRequested={job.cancelRequested} />
      </td>
      <td>
        <JobProgress job={job} />
      </td>
      <td className="jobs-table__outcome">
        <JobOutcome job={job} />
      </td>
      <td>
        <Attempts job={job} />
      </td>
      <td>
        {job.requestedByName ?? (
          <span className="muted" title="Started by a schedule or by the server itself">
            System
          </span>
        )}
        <RelativeTime iso={job.createdAt} className="job-row__sub" />
      </td>
      <td>
        <JobActions job={job} onQueued={onQueued} rowHead={head} />
      </td>
    </tr>
  );
}
