// Dates and times in the reader's locale, for account, audit and job screens: a date, a
// calendar day, a date and time, a clock time with seconds, an exact time for tooltips,
// and "3 minutes ago" / "in 2 hours" for lists that change while watched.

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const EXACT = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });
const CLOCK = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? DATE.format(date) : '';
}

/** "Dec 20, 2026": a calendar day (YYYY-MM-DD), the same day in every time zone; empty for none. */
export function formatDay(day: string | null | undefined): string {
  const date = day ? parse(`${day}T00:00:00Z`) : null;
  return date ? DAY.format(date) : '';
}

export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? DATE_TIME.format(date) : '';
}

/** "Thursday, 4 December 2026 at 15:39:31 UTC": for a title, where the relative time is shown. */
export function formatExactTime(iso: string): string {
  const date = parse(iso);
  return date ? EXACT.format(date) : '';
}

/** "15:39:31": a time within the next minutes or hours, such as a retry's. */
export function formatClock(iso: string): string {
  const date = parse(iso);
  return date ? CLOCK.format(date) : '';
}

/** Steps of relative time: up to each limit (in seconds) a time is said in that unit. */
const UNITS: [limit: number, seconds: number, unit: Intl.RelativeTimeFormatUnit][] = [
  [45, 1, 'second'],
  [45 * 60, 60, 'minute'],
  [22 * 3600, 3600, 'hour'],
  [26 * 86400, 86400, 'day'],
];

/** "just now", "3 minutes ago", "in 2 hours"; older or further than about a month, the date and time. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const date = parse(iso);
  if (!date) return '';
  const seconds = (date.getTime() - now) / 1000;
  const size = Math.abs(seconds);
  if (size < 5) return seconds <= 0 ? 'just now' : 'in a moment';
  for (const [limit, unit, name] of UNITS) {
    if (size < limit) return RELATIVE.format(Math.round(seconds / unit), name);
  }
  return DATE_TIME.format(date);
}
