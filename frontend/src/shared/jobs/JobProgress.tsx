// A job's progress bar: a real progressbar for assistive technology (value, range and a
// name saying which job), with what the job is doing and its percent in words beside it
// and its latest message below. The fill's width is the one inline style (a React style
// prop, allowed by the CSP); it eases between refreshes instead of jumping.
import type { Job } from '../../api/jobs';
import { STATE_LOOK, clampPercent, jobTitle, progressCaption } from './jobLabels';
import './jobProgress.css';

export function JobProgress({ job }: { job: Job }) {
  const percent = clampPercent(job.progress);
  const { status, message } = progressCaption(job);
  return (
    <div className="job-progress">
      <div
        role="progressbar"
        className={`job-bar job-bar--${STATE_LOOK[job.state].tone}`}
        aria-label={`Progress of ${jobTitle(job)}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={message ? `${status}, ${message}` : status}
      >
        <div className="job-bar__fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="job-progress__status">{status}</div>
      {message && <div className="job-progress__message muted">{message}</div>}
    </div>
  );
}
