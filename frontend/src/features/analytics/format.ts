// Numbers as the analytics screens print them.
export { formatHours, weekLabel } from '../../ui/weeks';

/** "87%": a utilization rounded to a whole percent. */
export function formatPercent(percent: number): string {
  return `${Math.round(percent)}%`;
}

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "Dec 20, 2026": a calendar date (YYYY-MM-DD), the same day in every time zone. */
export function formatDay(date: string): string {
  return DAY.format(new Date(`${date}T00:00:00Z`));
}
