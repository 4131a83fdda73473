// Words for the toasts of a deliverable's date change: what it did to the date and the
// hours (the summary itself is shared/jobs/moveSummary.ts's), and why an undo was
// refused. Pure functions.
import type { Deliverable } from '../../../api/deliverables';
import { ApiError } from '../../../api/errors';
import type { Job } from '../../../api/jobs';
import type { MoveSummary } from '../../../api/reallocations';
import { movedSummary } from '../../../shared/jobs/moveSummary';
import { errorMessage } from '../../../ui/errorMessage';
import { formatDay } from '../../../ui/formatTime';
import { formatHours, weekLabel } from '../../../ui/weeks';

/** "DD is now due 17 Mar 2027." or "DD has no date now." */
export function dateSavedMessage(deliverable: Pick<Deliverable, 'description' | 'date'>): string {
  return deliverable.date
    ? `${deliverable.description} is now due ${formatDay(deliverable.date)}.`
    : `${deliverable.description} has no date now.`;
}

/** "Mar 14 and Mar 21": week keys (Sundays), each once, in order. */
export function weekList(weeks: readonly string[]): string {
  const labels = [...new Set(weeks)].sort().map(weekLabel);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}

/** Hours that did not fit under a week's 168 (never dropped silently), or empty. */
function cappedText(capped: MoveSummary['capped']): string {
  if (!capped?.length) return '';
  const excess = capped.reduce((total, week) => total + week.excess, 0);
  return ` ${formatHours(excess)} h did not fit under the 168 h of the week of ${weekList(capped.map((week) => week.week))} and were left out.`;
}

/** The toast after the hours moved: the new date, then "Moved 2 assignments 2 weeks later." */
export function movedMessage(deliverable: Pick<Deliverable, 'description' | 'date'>, summary: MoveSummary): string {
  return `${dateSavedMessage(deliverable)} ${movedSummary(summary)}.${cappedText(summary.capped)}`;
}

/** The toast when the date saved but the job moving the hours failed or was cancelled. */
export function notMovedMessage(deliverable: Pick<Deliverable, 'description' | 'date'>, job: Pick<Job, 'state' | 'error'>): string {
  const why = job.state === 'cancelled' ? 'the move was cancelled' : (job.error?.message ?? 'the move failed');
  return `${dateSavedMessage(deliverable)} Its planned hours did not move: ${why.replace(/\.$/, '')}. Change them in the planning grid if needed.`;
}

/** After an undo: the date it is back to (the deliverable as the undo answers it). */
export function undoneMessage(deliverable: Pick<Deliverable, 'description' | 'date'>): string {
  const date = deliverable.date ? `is due ${formatDay(deliverable.date)} again` : 'has no date again';
  return `Undone: ${deliverable.description} ${date}, and its planned hours are back where they were.`;
}

/** The weeks a conflict names: its field errors are `weeks.<assignment>.<week>`. */
function conflictWeeks(error: ApiError): string[] {
  const weeks = error.errors.flatMap(({ field }) => /^weeks\.\d+\.(\d{4}-\d{2}-\d{2})$/.exec(field)?.[1] ?? []);
  return [...new Set(weeks)];
}

/** Why an undo did not happen; a refusal for weeks edited since names them and says what to do. */
export function undoErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'reallocation_conflict') {
    const weeks = conflictWeeks(error);
    const which = weeks.length > 0 ? ` Edited since: the week${weeks.length > 1 ? 's' : ''} of ${weekList(weeks)}.` : '';
    return `Undo refused. ${errorMessage(error)}${which} Nothing was changed; adjust those weeks in the planning grid if needed.`;
  }
  return `Undo failed. ${errorMessage(error)}`;
}
