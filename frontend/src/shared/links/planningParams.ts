// The planning view's state as a query string, both ways:
// /planning?start=2026-11-22&weeks=12&department=3&sub=1&status=active&q=ann&open=4,9
// Missing or bad values fall back to defaults (this week, 12 weeks, all departments,
// sub-departments included, the active statuses, nothing expanded). department/sub
// are the global department filter's params, read and written by its own functions.
import { readScope, scopeEntries } from '../departmentScope/scopeParams';
import { isWeekKey, sundayOf } from '../../ui/weeks';

export const HORIZONS = [8, 12, 26, 52] as const;
export const DEFAULT_WEEKS = 12;

/** Status filter choices; the value is the comma-separated list the API takes. */
export const STATUS_CHOICES = [
  { value: 'planning,active,active_ca', label: 'Active and planning' },
  { value: 'active,active_ca', label: 'Active only' },
  { value: 'planning', label: 'Planning only' },
  { value: 'on_hold', label: 'On hold' },
  { value: '', label: 'Any status' },
] as const;
export const DEFAULT_STATUS = STATUS_CHOICES[0].value;

export interface PlanningParams {
  start: string;
  weeks: number;
  department: number | null;
  includeChildren: boolean;
  status: string;
  search: string;
  /** People whose assignment rows are shown. */
  open: number[];
}

function positiveInt(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value > 0 ? value : null;
}

export function readParams(query: URLSearchParams, today: Date = new Date()): PlanningParams {
  const start = query.get('start') ?? '';
  const weeks = Number(query.get('weeks'));
  const status = query.get('status');
  return {
    start: isWeekKey(start) ? start : sundayOf(today),
    weeks: (HORIZONS as readonly number[]).includes(weeks) ? weeks : DEFAULT_WEEKS,
    ...readScope(query),
    status: status !== null && STATUS_CHOICES.some((choice) => choice.value === status) ? status : DEFAULT_STATUS,
    search: query.get('q') ?? '',
    open: (query.get('open') ?? '').split(',').map(positiveInt).filter((id) => id !== null),
  };
}

export function writeParams(params: PlanningParams): URLSearchParams {
  const query = new URLSearchParams({ start: params.start, weeks: String(params.weeks) });
  for (const [key, value] of scopeEntries(params)) query.set(key, value);
  if (params.status !== DEFAULT_STATUS) query.set('status', params.status);
  if (params.search) query.set('q', params.search);
  if (params.open.length > 0) query.set('open', params.open.join(','));
  return query;
}
