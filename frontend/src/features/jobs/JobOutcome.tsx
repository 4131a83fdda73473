// What came of a job: a finished job's result in one line, a failed one's error with
// its code, and for a job still trying, why its last attempt failed.
import type { Job } from '../../api/jobs';
import { summarizeResult } from '../../shared/jobs/jobResults';

function JobError({ error, lead }: { error: NonNullable<Job['error']>; lead?: string }) {
  return (
    <span className="job-outcome job-outcome--error">
      {lead && <span>{lead} </span>}
      {error.message} <code className="job-outcome__code">{error.code}</code>
    </span>
  );
}

export function JobOutcome({ job }: { job: Job }) {
  if (job.state === 'succeeded') {
    const summary = summarizeResult(job);
    return summary ? <span className="job-outcome">{summary}</span> : <span className="muted">Done</span>;
  }
  if (job.error) {
    return <JobError error={job.error} {...(job.state === 'failed' ? {} : { lead: 'Last attempt failed:' })} />;
  }
  if (job.state === 'cancelled') return <span className="muted">Stopped before it finished</span>;
  return <span className="muted">—</span>;
}
