// The aggregate endpoints behind the dashboard, forecast and my-work screens: one request
// per panel, each over a window of weeks (start, weeks) in the global department scope.
// The answers' types are the generated ones (schema.d.ts, from the server's OpenAPI).
import { apiFetch } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];

/** The window every aggregate is asked for. */
export interface AnalyticsWindow {
  start: string;
  weeks: number;
  department: number | null;
  includeChildren: boolean;
}

export type Dashboard = Schemas['DashboardView'];
export type AvailablePerson = Schemas['MostAvailable'];
export type OverAllocatedPerson = Schemas['OverAllocatedPerson'];
export type Heatmap = Schemas['HeatmapView'];
export type HeatmapRow = Schemas['HeatmapRow'];
export type WorkloadForecast = Schemas['ForecastView'];
export type ForecastWeek = Schemas['ForecastWeek'];
export type RoleForecast = Schemas['RoleForecast'];
export type DepartmentRollup = Schemas['RollupView'];
export type DepartmentRollupRow = Schemas['DepartmentRollup'];
export type MyWork = Schemas['MyWorkView'];

/** The heatmap's order, sent on every request: most utilized first, or by name. */
export type HeatmapSort = 'name' | 'utilization';

/** The problem code of GET /api/me/work for a user with no linked person. */
export const NO_LINKED_PERSON = 'no_linked_person';

/** The window's query string: weeks, start and, when scoped, the department. */
export function windowSearch(window: AnalyticsWindow, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams({ weeks: String(window.weeks), start: window.start, ...extra });
  if (window.department !== null) {
    params.set('department', String(window.department));
    params.set('includeChildren', String(window.includeChildren));
  }
  return params;
}

function get<T>(path: string, params: URLSearchParams, signal?: AbortSignal): Promise<T> {
  return apiFetch<T>(`${path}?${params.toString()}`, signal ? { signal } : {});
}

export function fetchDashboard(window: AnalyticsWindow, signal?: AbortSignal): Promise<Dashboard> {
  return get('/dashboard', windowSearch(window), signal);
}

export interface HeatmapPage {
  offset: number;
  limit: number;
  sort: HeatmapSort;
}

export function fetchHeatmap(window: AnalyticsWindow, page: HeatmapPage, signal?: AbortSignal): Promise<Heatmap> {
  const extra = { offset: String(page.offset), limit: String(page.limit), sort: page.sort };
  return get('/people/capacity-heatmap', windowSearch(window, extra), signal);
}

export function fetchWorkloadForecast(window: AnalyticsWindow, signal?: AbortSignal): Promise<WorkloadForecast> {
  return get('/people/workload-forecast', windowSearch(window), signal);
}

export function fetchDepartmentRollup(window: AnalyticsWindow, signal?: AbortSignal): Promise<DepartmentRollup> {
  return get('/departments/rollup', windowSearch(window), signal);
}

/** My Work is the signed-in user's own: no department scope applies. */
export function fetchMyWork(window: Pick<AnalyticsWindow, 'start' | 'weeks'>, signal?: AbortSignal): Promise<MyWork> {
  return get('/me/work', new URLSearchParams({ weeks: String(window.weeks), start: window.start }), signal);
}
