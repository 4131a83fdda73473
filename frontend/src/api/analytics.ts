// The aggregate endpoints behind the dashboard, forecast and my-work screens: one request
// per panel, each over a window of weeks (start, weeks) in the global department scope.
// The answers' types are the generated ones (schema.d.ts, from the server's OpenAPI).
import { api, read } from './http';
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

/** The window's query parameters: weeks, start and, when scoped, the department. */
export function windowQuery(window: AnalyticsWindow) {
  return {
    weeks: window.weeks,
    start: window.start,
    ...(window.department !== null ? { department: window.department, includeChildren: window.includeChildren } : {}),
  };
}

export function fetchDashboard(window: AnalyticsWindow, signal?: AbortSignal): Promise<Dashboard> {
  return read(api.GET('/api/dashboard', { params: { query: windowQuery(window) }, signal: signal ?? null }));
}

export interface HeatmapPage {
  offset: number;
  limit: number;
  sort: HeatmapSort;
}

export function fetchHeatmap(window: AnalyticsWindow, page: HeatmapPage, signal?: AbortSignal): Promise<Heatmap> {
  const query = { ...windowQuery(window), offset: page.offset, limit: page.limit, sort: page.sort };
  return read(api.GET('/api/people/capacity-heatmap', { params: { query }, signal: signal ?? null }));
}

export function fetchWorkloadForecast(window: AnalyticsWindow, signal?: AbortSignal): Promise<WorkloadForecast> {
  return read(api.GET('/api/people/workload-forecast', { params: { query: windowQuery(window) }, signal: signal ?? null }));
}

export function fetchDepartmentRollup(window: AnalyticsWindow, signal?: AbortSignal): Promise<DepartmentRollup> {
  return read(api.GET('/api/departments/rollup', { params: { query: windowQuery(window) }, signal: signal ?? null }));
}

/** My Work is the signed-in user's own: no department scope applies. */
export function fetchMyWork(window: Pick<AnalyticsWindow, 'start' | 'weeks'>, signal?: AbortSignal): Promise<MyWork> {
  return read(api.GET('/api/me/work', { params: { query: { weeks: window.weeks, start: window.start } }, signal: signal ?? null }));
}
