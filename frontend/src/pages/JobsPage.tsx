// /jobs: the background work, for everyone signed in. People see the jobs they asked
// for, admins everyone's (the server decides; the page says which). Admins also get the
// queue figures, the schedules and the tools that start a test job or a cache warm-up.
// Filters, page and a chosen job (?job=) live in the URL; the list refreshes itself
// while anything on it is under way, and jobs started here are announced when they end.
import { useQueryClient } from '@tanstack/react-query';
import { JOBS_QUERY_KEY, type JobKind, type Queue } from '../api/jobs';
import { useCurrentUser } from '../auth/useSession';
import { JobFilterBar } from '../features/jobs/JobFilterBar';
import { JobsAdminPanel } from '../features/jobs/JobsAdminPanel';
import { JobsList } from '../features/jobs/JobsList';
import { showsNewJob } from '../features/jobs/jobParams';
import { useJobParams } from '../features/jobs/useJobParams';
import { useJobWatcher } from '../features/jobs/useJobWatcher';
import '../features/jobs/jobs.css';

export function JobsPage() {
  const isAdmin = useCurrentUser()?.role === 'admin';
  const [params, setParams] = useJobParams();
  const watch = useJobWatcher();
  const queryClient = useQueryClient();

  function started(id: number, kind: JobKind, queue: Queue) {
    watch(id);
    void queryClient.invalidateQueries({ queryKey: JOBS_QUERY_KEY });
    // Back to the plain first page when the filters would hide the new job.
    if (!showsNewJob(params, kind, queue)) setParams({ kind: null, state: null, queue: null, job: null });
  }

  const heading = isAdmin && !params.mine ? 'All jobs' : 'Your jobs';
  return (
    <>
      <title>Jobs · Workload Tracker</title>
      <h1>Jobs</h1>
      <p className="muted jobs-intro" data-testid="jobs-scope">
        {isAdmin
          ? 'As an administrator you see everyone’s jobs and those the schedules start.'
          : 'You see the jobs you started; administrators see everyone’s.'}{' '}
        Running jobs update by themselves.
      </p>
      {isAdmin && <JobsAdminPanel onQueue={(queue) => setParams({ queue, job: null })} onStarted={started} />}
      <section aria-labelledby="jobs-list-title" className="jobs-list">
        <h2 id="jobs-list-title">{params.job === null ? heading : `Job #${params.job}`}</h2>
        {params.job === null ? (
          <JobFilterBar params={params} isAdmin={isAdmin} onChange={setParams} />
        ) : (
          <p className="jobs-focus">
            Showing one job.{' '}
            <button type="button" className="button button--quiet button--small" onClick={() => setParams({ job: null })}>
              Show all jobs
            </button>
          </p>
        )}
        <JobsList params={params} isAdmin={isAdmin} caption={heading} onChange={setParams} onQueued={watch} />
      </section>
    </>
  );
}
