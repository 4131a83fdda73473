// Words and numbers for the queue figures: durations from milliseconds to hours, the
// waiting count with its delayed part, and the live workers in a sentence.
import type { QueueStats } from '../../api/jobs';

/** "—" when unknown; "12 ms", "4.2 s", "3 min 20 s", "2 h 5 min". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 10) return `${(Math.round(seconds * 10) / 10).toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) {
    const rest = whole % 60;
    return rest === 0 ? `${Math.floor(whole / 60)} min` : `${Math.floor(whole / 60)} min ${rest} s`;
  }
  const minutes = Math.round(whole / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

/** "3", or "3 (1 delayed)" when some wait for a retry's backoff. */
export function waitingText(queue: Pick<QueueStats, 'queued' | 'delayed'>): string {
  return queue.delayed > 0 ? `${queue.queued} (${queue.delayed} delayed)` : String(queue.queued);
}

/** "p50 / p95" run times, or "—" when nothing ran in the last hour. */
export function runTimesText(queue: Pick<QueueStats, 'runSecondsP50' | 'runSecondsP95'>): string {
  if (queue.runSecondsP50 === null || queue.runSecondsP50 === undefined) return '—';
  return `${formatSeconds(queue.runSecondsP50)} / ${formatSeconds(queue.runSecondsP95)}`;
}

/** The workers line, with whether it is a warning (none alive, or unknown). */
export function workersText(alive: number | null | undefined): { text: string; warning: boolean } {
  if (alive === null || alive === undefined) {
    return { text: 'Live workers unknown: the server cannot reach Redis.', warning: true };
  }
  if (alive === 0) return { text: 'No worker is running: queued jobs wait until one starts.', warning: true };
  return { text: alive === 1 ? '1 worker alive' : `${alive} workers alive`, warning: false };
}
