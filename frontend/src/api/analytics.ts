// The aggregate endpoints behind the dashboard, forecast and my-work screens: one request
// per panel, each over a window of weeks (start, weeks) in the global department scope.
//
// The response types below are written by hand to the issue-11 API contract while the
// backend branch is not merged; on merge they are replaced by the generated types
// (components['schemas'][...] from ./schema).
import { apiFetch } from './client';
import type { Band } from './utilization';

/** The window every aggregate is asked for. */
export interface AnalyticsWindow {
  start: string;
  weeks: number;
  department: number | null;
  includeChildren: boolean;
}

export interface DashboardPeak {
  personId: number;
  name: string;
  week: string;
  percent: number;
}

export interface TeamRow {
  id: number;
  name: string;
  departmentId: number | null;
  departmentName: string | null;
  capacity: number;
  allocated: number;
  percent: number;
  band: Band;
  peakWeek: string | null;
  peakPercent: number;
}

export interface AvailablePerson {
  id: number;
  name: string;
  departmentName: string | null;
  availableHours: number;
  percent: number;
}

export interface OverAllocatedPerson {
  id: number;
  name: string;
  departmentName: string | null;
  peakWeek: string;
  peakPercent: number;
  overWeeks: number;
}

export interface RecentChange {
  assignmentId: number;
  personId: number;
  personName: string;
  projectId: number;
  projectName: string;
  changedAt: string;
  hours?: number | null;
}

export interface Dashboard {
  weekKeys: string[];
  summary: {
    people: number;
    averageUtilization: number;
    peak: DashboardPeak | null;
    activeAssignments: number;
    overAllocated: number;
  };
  distribution: { band: Band; people: number }[];
  team: { total: number; rows: TeamRow[] };
  mostAvailable: AvailablePerson[];
  overAllocated: OverAllocatedPerson[];
  recentChanges: RecentChange[];
}

export interface HeatmapRow {
  id: number;
  name: string;
  departmentId: number | null;
  departmentName: string | null;
  capacity: number;
  /** Index-aligned with weekKeys, as are percent and available. */
  hours: number[];
  percent: number[];
  available: number[];
}

export interface Heatmap {
  weekKeys: string[];
  total: number;
  offset: number;
  limit: number;
  rows: HeatmapRow[];
}

export type HeatmapSort = 'name' | 'utilization';

export interface ForecastWeek {
  week: string;
  people: number;
  capacity: number;
  allocated: number;
  available: number;
  utilization: number;
  band: Band;
  overAllocatedCount: number;
  overAllocated: { id: number; name: string; percent: number }[];
}

export interface LoadWeek {
  week: string;
  capacity: number;
  allocated: number;
  utilization: number;
}

export interface RoleForecast {
  roleId: number | null;
  roleName: string | null;
  weeks: LoadWeek[];
}

export interface WorkloadForecast {
  weekKeys: string[];
  weeks: ForecastWeek[];
  byRole: RoleForecast[];
}

export interface DepartmentRollupRow {
  id: number;
  name: string;
  parentId: number | null;
  depth: number;
  people: number;
  weeks: LoadWeek[];
}

export interface DepartmentRollup {
  weekKeys: string[];
  departments: DepartmentRollupRow[];
}

export interface MyWork {
  person: { id: number; name: string; capacity: number };
  weekKeys: string[];
  weeks: { week: string; allocated: number; capacity: number; percent: number; band: Band }[];
  projects: { id: number; name: string; status: string; total: number; hours: number[] }[];
  deliverables: { id: number; projectId: number; projectName: string; description: string; date: string }[];
  alerts: { kind: 'over_allocated' | 'deliverable_soon'; week: string | null; message: string }[];
}

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
