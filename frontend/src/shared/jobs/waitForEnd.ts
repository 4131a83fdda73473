// Waits for one job to end by asking the server to hold each answer until it does
// (`Prefer: wait=10`), so a finished job is noticed at once without polling every
// second. A server that answers early is asked again no sooner than a second later;
// a job that disappears (404) or keeps failing to load is given up on quietly.
import { ApiError } from '../../api/errors';
import { fetchJob, isActive, type Job } from '../../api/jobs';

const WAIT_SECONDS = 10;
const MIN_GAP_MS = 1_000;
const MAX_FAILURES = 5;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** The job once it has ended; null when the wait was stopped or given up. */
export async function waitForEnd(id: number, signal: AbortSignal, gapMs: number = MIN_GAP_MS): Promise<Job | null> {
  let failures = 0;
  while (!signal.aborted) {
    const asked = Date.now();
    try {
      const job = await fetchJob(id, { waitSeconds: WAIT_SECONDS, signal });
      if (!isActive(job)) return job;
      failures = 0;
    } catch (error) {
      if (signal.aborted) return null;
      if (error instanceof ApiError && error.status === 404) return null;
      failures += 1;
      if (failures >= MAX_FAILURES) return null;
    }
    const elapsed = Date.now() - asked;
    if (elapsed < gapMs) await pause(gapMs - elapsed, signal);
  }
  return null;
}
