// The analytics screens' window as a query string: /dashboard?weeks=26&start=2026-12-06
// plus the global department filter (department/sub). Missing or bad values fall back to
// the planning grid's defaults (this week, 12 weeks), with its horizons, so a link from a
// chart into the grid keeps the same window.
import type { AnalyticsWindow } from '../../api/analytics';
import { readScope } from '../../shared/departmentScope/scopeParams';
import { DEFAULT_WEEKS, HORIZONS } from '../../shared/links/planningParams';
import { isWeekKey, sundayOf } from '../../ui/weeks';

export function readWindow(query: URLSearchParams, today: Date = new Date()): AnalyticsWindow {
  const start = query.get('start') ?? '';
  const weeks = Number(query.get('weeks'));
  return {
    start: isWeekKey(start) ? start : sundayOf(today),
    weeks: (HORIZONS as readonly number[]).includes(weeks) ? weeks : DEFAULT_WEEKS,
    ...readScope(query),
  };
}

/** `query` with the horizon set; the default horizon is left out of the URL. */
export function withWeeks(query: URLSearchParams, weeks: number): URLSearchParams {
  const next = new URLSearchParams(query);
  if (weeks === DEFAULT_WEEKS) next.delete('weeks');
  else next.set('weeks', String(weeks));
  return next;
}
