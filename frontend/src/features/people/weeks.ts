// Week keys: a week is named by its Sunday (YYYY-MM-DD, UTC), as everywhere in the app.

const DAY_MS = 86_400_000;
const LABEL = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The Sunday of the week holding `today` (its UTC date). */
export function currentWeek(today: Date = new Date()): string {
  const date = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(date - today.getUTCDay() * DAY_MS).toISOString().slice(0, 10);
}

/** The week key `count` weeks after `week` (before it when negative). */
export function addWeeks(week: string, count: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + count * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** `count` consecutive week keys starting at `start`. */
export function weekRange(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addWeeks(start, index));
}

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
