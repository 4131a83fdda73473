// The planning grid's endpoints: the people x weeks grid in one request, the batched
// hours write (all or nothing, versioned per row), a new assignment, and the project
// search behind "Add project".
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

export interface GridData {
  weekKeys: string[];
  people: GridPerson[];
  hoursByPerson: Record<string, WeekHours>;
  assignments?: GridAssignment[];
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
  if (query.department !== null) {
    params.set('department', String(query.department));
    params.set('includeChildren', String(query.includeChildren));
  }
  if (query.statuses.length > 0) params.set('status', query.statuses.join(','));
  if (query.search.trim()) params.set('search', query.search.trim());
  return params.toString();
}

export function fetchGrid(query: GridQuery, signal?: AbortSignal): Promise<GridData> {
  return apiFetch<GridData>(`/assignments/grid?${gridSearch(query)}`, signal ? { signal } : {});
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
