// How a screen follows a job it shows (an import, an export) with TanStack Query:
// the refetch interval for the job's query and how long each ask may wait.
import { isActive, type Job } from '../../api/jobs';

/**
 * How long after an answer the shown job is asked again (each ask waits up to a second
 * for the job to end, `Prefer: wait=1`, so an end shows at once and the bar moves about
 * once a second); false once it has ended.
 */
export const WATCH_GAP_MS = 250;
export const WATCH_WAIT_SECONDS = 1;

export function watchInterval(job: Pick<Job, 'state'> | undefined): number | false {
  return job && !isActive(job) ? false : WATCH_GAP_MS;
}
