// Deliverables by week, pure: a date belongs to the Sunday-starting week that holds it
// (the planning grids' week keys), and each project's weeks list what falls due in them
// with the words a marker announces ("IFP 95% due Tue 12 Jan").
import type { CalendarDeliverable } from '../../api/deliverableCalendar';
import { addWeeks, sundayOf } from '../../ui/weeks';

const DAY_MS = 86_400_000;

export interface DueDeliverable {
  id: number;
  /** "IFP 95% due Tue 12 Jan", with ", completed" once done. */
  label: string;
  completed: boolean;
}

/** What falls due per project and week, by dueKey(). */
export type DeliverableWeeks = ReadonlyMap<string, readonly DueDeliverable[]>;

const NONE: readonly DueDeliverable[] = [];

const DUE_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

export function dueKey(project: number, week: string): string {
  return `${project}:${week}`;
}

/** The week key (its Sunday) of a YYYY-MM-DD date. */
export function weekOfDate(date: string): string {
  return sundayOf(new Date(`${date}T00:00:00Z`));
}

/** The dates a grid's weeks cover: the first Sunday to the Saturday ending the last week. */
export function calendarRange(weekKeys: readonly string[]): { start: string; end: string } | null {
  const first = weekKeys[0];
  const last = weekKeys[weekKeys.length - 1];
  if (first === undefined || last === undefined) return null;
  const end = new Date(Date.parse(`${addWeeks(last, 1)}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  return { start: first, end };
}

/** "IFP 95% due Tue 12 Jan", "Kick-off due Mon 4 Jan, completed". */
export function dueLabel(deliverable: Pick<CalendarDeliverable, 'description' | 'percentage' | 'date' | 'isCompleted'>): string {
  const { description, percentage } = deliverable;
  const name = typeof percentage === 'number' ? `${description} ${percentage}%` : description;
  const due = deliverable.date ? ` due ${DUE_DATE.format(new Date(`${deliverable.date}T00:00:00Z`))}` : '';
  return `${name}${due}${deliverable.isCompleted ? ', completed' : ''}`;
}

/** The calendar (by date, as the server sends it) bucketed by project and week; undated ones are left out. */
export function bucketByWeek(deliverables: readonly CalendarDeliverable[]): DeliverableWeeks {
  const weeks = new Map<string, DueDeliverable[]>();
  for (const deliverable of deliverables) {
    if (!deliverable.date) continue;
    const key = dueKey(deliverable.project, weekOfDate(deliverable.date));
    const due = { id: deliverable.id, label: dueLabel(deliverable), completed: deliverable.isCompleted };
    const list = weeks.get(key);
    if (list) list.push(due);
    else weeks.set(key, [due]);
  }
  return weeks;
}

/** What falls due for `project` in `week` (an empty list when nothing does). */
export function dueIn(weeks: DeliverableWeeks, project: number, week: string): readonly DueDeliverable[] {
  return weeks.get(dueKey(project, week)) ?? NONE;
}

/** The words for a week's marker: every deliverable due in it. */
export function dueSummary(dues: readonly DueDeliverable[]): string {
  return dues.map((due) => due.label).join('; ');
}

/** What a week cell's name adds for its deliverables: ", IFP 95% due Tue 12 Jan", or nothing. */
export function dueNote(dues: readonly DueDeliverable[]): string {
  return dues.length === 0 ? '' : `, ${dueSummary(dues)}`;
}
