// Week keys and hours, shared by every screen: a week is named by its Sunday as an ISO
// date (UTC), end to end; hours show with at most two decimals.
const DAY_MS = 86_400_000;

/** The Sunday (YYYY-MM-DD) of the week holding `date`, in UTC. */
export function sundayOf(date: Date): string {
  const utc = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return new Date(utc - date.getUTCDay() * DAY_MS).toISOString().slice(0, 10);
}

/** The week key `count` weeks after `week` (before when negative). */
export function addWeeks(week: string, count: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + count * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** A real date written YYYY-MM-DD that falls on a Sunday. */
export function isWeekKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getUTCDay() === 0;
}

const SHORT = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const LONG = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Nov 22" for a column header. */
export function shortWeek(week: string): string {
  return SHORT.format(new Date(`${week}T00:00:00Z`));
}

/** "Week of Nov 22, 2026" for labels. */
export function longWeek(week: string): string {
  return `Week of ${LONG.format(new Date(`${week}T00:00:00Z`))}`;
}

/** The Sunday of the week holding `today` (its UTC date). */
export function currentWeek(today: Date = new Date()): string {
  return sundayOf(today);
}

/** `count` consecutive week keys starting at `start`. */
export function weekRange(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addWeeks(start, index));
}

const LABEL = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Nov 22": a week's Sunday, short, in the reader's locale. */
export function weekLabel(week: string): string {
  return LABEL.format(new Date(`${week}T00:00:00Z`));
}

/** The total of `hours` over the given weeks. */
export function sumWeeks(hours: Readonly<Record<string, number>> | undefined, weeks: readonly string[]): number {
  return weeks.reduce((total, week) => total + (hours?.[week] ?? 0), 0);
}

/** Hours for people: at most two decimals, no trailing zeros ("37.5", "36"). */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}
