// The planning grid's endpoints: the people x weeks grid a page of people at a time,
// the assignment rows of the people expanded, the batched hours write (all or nothing,
// versioned per row), a new assignment, and the project search behind "Add project".
import { apiFetch } from './client';
import type { Page } from './types';

/** A week's hours keyed by its Sunday ("2026-11-22"). */
export type WeekHours = Record<string, number>;

export interface GridPerson {
  id: number;
  name: string;
  weeklyCapacity: number;
  department: number | null;
  departmentName: string | null;
  /** How many assignment rows expanding this person shows. */
  assignmentCount: number;
}

export interface GridAssignment {
  id: number;
  person: number;
  project: number;
  projectName: string;
  projectStatus: string;
  roleOnProject: string;
  version: number;
  weeklyHours: WeekHours;
}

/** A page of the people grid: `limit` people from `offset` of `total`, by name. */
export interface GridData {
  weekKeys: string[];
  total: number;
  offset: number;
  limit: number;
  people: GridPerson[];
  hoursByPerson: Record<string, WeekHours>;
  /** The assignment rows of the people in `rowsOf` (those loaded so far). */
  assignments?: GridAssignment[];
  /** Whose rows `assignments` holds: every one of theirs in the window and statuses. */
  rowsOf?: number[];
}

export interface GridQuery {
  start: string;
  weeks: number;
  department: number | null;
  includeChildren: boolean;
  statuses: readonly string[];
  search: string;
}

/** The query string of both grids' endpoints (people and projects), with their assignments. */
export function gridSearch(query: GridQuery): string {
  const params = new URLSearchParams({ weeks: String(query.weeks), start: query.start, include: 'assignments' });
  addScope(params, query);
  return params.toString();
}

function addScope(params: URLSearchParams, query: GridQuery): void {
  if (query.department !== null) {
    params.set('department', String(query.department));
    params.set('includeChildren', String(query.includeChildren));
  }
  if (query.statuses.length > 0) params.set('status', query.statuses.join(','));
  if (query.search.trim()) params.set('search', query.search.trim());
}

/** `limit` people of the grid from `offset`, with their weekly totals (no rows). */
export function fetchGridPage(query: GridQuery, offset: number, limit: number, signal?: AbortSignal): Promise<GridData> {
  const params = new URLSearchParams({ weeks: String(query.weeks), start: query.start, offset: String(offset), limit: String(limit) });
  addScope(params, query);
  return apiFetch<GridData>(`/assignments/grid?${params.toString()}`, signal ? { signal } : {});
}

/** The assignment rows of `people` in the grid's window and statuses. */
export async function fetchGridRows(query: GridQuery, people: readonly number[], signal?: AbortSignal): Promise<GridAssignment[]> {
  const params = new URLSearchParams({ people: people.join(','), weeks: String(query.weeks), start: query.start });
  if (query.statuses.length > 0) params.set('status', query.statuses.join(','));
  const answer = await apiFetch<{ assignments: GridAssignment[] }>(`/assignments/grid/rows?${params.toString()}`, signal ? { signal } : {});
  return answer.assignments;
}

export interface HoursUpdate {
  assignmentId: number;
  weeklyHours: WeekHours;
  version?: number;
}

export interface HoursResult {
  assignmentId: number;
  version: number;
}

/** `keepalive` lets the request finish after the page has closed (the grid's last edits). */
export async function saveHours(updates: HoursUpdate[], transport?: { keepalive: true }): Promise<HoursResult[]> {
  const answer = await apiFetch<{ results: HoursResult[] }>('/assignments/hours', {
    method: 'PATCH',
    json: { updates },
    ...transport,
  });
  return answer.results;
}

/** POST /api/assignments answers the full assignment; the grid needs these fields. */
export interface CreatedAssignment {
  id: number;
  person: number;
  project: number;
  projectName: string;
  roleOnProject: string;
  version: number;
  weeklyHours: WeekHours;
}

export function createAssignment(person: number, project: number): Promise<CreatedAssignment> {
  return apiFetch<CreatedAssignment>('/assignments', { method: 'POST', json: { person, project } });
}

export interface ProjectOption {
  id: number;
  name: string;
  projectNumber: string | null;
  client: string;
  status: string;
}

export async function searchProjects(search: string, signal?: AbortSignal): Promise<ProjectOption[]> {
  const params = new URLSearchParams({ status: 'planning,active,active_ca', pageSize: '20' });
  if (search.trim()) params.set('search', search.trim());
  const answer = await apiFetch<Page<ProjectOption>>(`/projects?${params.toString()}`, signal ? { signal } : {});
  return answer.items;
}
