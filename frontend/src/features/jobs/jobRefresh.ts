// How often the jobs screen asks again. While something on the page is queued or
// running, every second, so progress bars move; a job waiting for its retry's backoff
// only needs a look when that wait ends; with nothing under way, a slow look for jobs
// the schedules or other people start. The query keeps its data between looks (no
// flicker) and the rows keep their keys, so focus and scroll stay where they were.
import { isActive, type Job, type JobStats } from '../../api/jobs';

export const ACTIVE_REFRESH_MS = 1_000;
export const IDLE_REFRESH_MS = 15_000;
/** The queue figures move slower than one bar; every 3 s is enough while work is under way. */
export const STATS_ACTIVE_REFRESH_MS = 3_000;

type Watched = Pick<Job, 'state' | 'nextAttemptAt'>;

export function jobsRefreshInterval(jobs: readonly Watched[] | undefined, now: number = Date.now()): number {
  let wait = IDLE_REFRESH_MS;
  for (const job of jobs ?? []) {
    if (!isActive(job)) continue;
    const retryAt = job.state === 'queued' && job.nextAttemptAt ? Date.parse(job.nextAttemptAt) : Number.NaN;
    if (Number.isNaN(retryAt)) return ACTIVE_REFRESH_MS;
    wait = Math.min(wait, Math.max(ACTIVE_REFRESH_MS, retryAt - now));
  }
  return wait;
}

export function statsRefreshInterval(stats: JobStats | undefined): number {
  const busy = stats?.queues.some((queue) => queue.queued > 0 || queue.running > 0) ?? false;
  return busy ? STATS_ACTIVE_REFRESH_MS : IDLE_REFRESH_MS;
}
