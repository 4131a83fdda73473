// What an hour reallocation did, in words: how far the hours moved ("2 weeks later"),
// the summary a finished reallocation job left as its result, and that summary in one
// line (the jobs list, the toasts and the deliverable history use them). Pure functions.
import type { Job } from '../../api/jobs';
import type { MoveSummary } from '../../api/reallocations';

function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}

/** "2 weeks later", "1 week earlier", "no weeks". */
export function weeksMoved(deltaWeeks: number): string {
  if (deltaWeeks === 0) return 'no weeks';
  return `${count(Math.abs(deltaWeeks), 'week', 'weeks')} ${deltaWeeks > 0 ? 'later' : 'earlier'}`;
}

/** "Moved 2 assignments 2 weeks later", or that nothing needed to (the jobs list uses it too). */
export function movedSummary(summary: MoveSummary): string {
  const changed = summary.assignmentsChanged ?? 0;
  if (changed === 0) return 'No planned hours needed to move';
  return `Moved ${count(changed, 'assignment', 'assignments')} ${weeksMoved(summary.deltaWeeks)}`;
}

/** The summary a finished reallocation job stored as its result; null when it has none. */
export function summaryOfJob(job: Pick<Job, 'result'>): MoveSummary | null {
  const result = job.result;
  if (typeof result !== 'object' || result === null) return null;
  const { deltaWeeks, assignmentsChanged, touchedWeekKeys, capped } = result as Record<string, unknown>;
  if (typeof deltaWeeks !== 'number' || typeof assignmentsChanged !== 'number') return null;
  const weeks = Array.isArray(touchedWeekKeys) ? touchedWeekKeys.filter((week): week is string => typeof week === 'string') : [];
  return { deltaWeeks, assignmentsChanged, touchedWeekKeys: weeks, capped: Array.isArray(capped) ? capped.filter(isCapped) : [] };
}

function isCapped(value: unknown): value is NonNullable<MoveSummary['capped']>[number] {
  if (typeof value !== 'object' || value === null) return false;
  const { assignmentId, week, excess } = value as Record<string, unknown>;
  return typeof assignmentId === 'number' && typeof week === 'string' && typeof excess === 'number';
}
