// A job's state as a badge: an icon and a word as well as a colour, so the state reads
// without colour; "cancel requested" beside it while a running job is being stopped.
import type { Job } from '../../api/jobs';
import '../../ui/badge.css';
import { STATE_LOOK } from '../../shared/jobs/jobLabels';

export function JobStateBadge({ state, cancelRequested = false }: { state: Job['state']; cancelRequested?: boolean }) {
  const look = STATE_LOOK[state];
  return (
    <span className="job-state-cell">
      <span className={`badge job-state--${look.tone}`} data-state={state}>
        <span aria-hidden="true" className="job-state__icon">
          {look.icon}
        </span>
        {look.word}
      </span>
      {cancelRequested && state === 'running' && <span className="tag">Cancel requested</span>}
    </span>
  );
}
