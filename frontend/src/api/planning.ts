// The planning grid's endpoints: the people x weeks grid a page of people at a time,
// the assignment rows of the people expanded, the batched hours write (all or nothing,
// versioned per row) and the project search behind "Add project".
import { api, read } from './http';
import type { components } from './schema';

type Schemas = components['schemas'];

/** A week's hours keyed by its Sunday ("2026-11-22"). */
export type WeekHours = Record<string, number>;

/** A person of the grid, with how many assignment rows expanding them shows. */
export type GridPerson = Schemas['GridPersonView'];
export type GridAssignment = Schemas['GridAssignmentView'];

/**
 * A page of the people grid: `limit` people from `offset` of `total`, by name, and the
 * assignment rows of the people in `rowsOf` (those loaded so far, kept by the browser).
 */
export type GridData = Schemas['GridView'] & { rowsOf?: number[] };

export interface GridQuery {
  start: string;
  weeks: number;
  department: number | null;
  includeChildren: boolean;
  statuses: readonly string[];
  search: string;
}

/** The query of both grids' endpoints (people and projects), with their assignments. */
export function gridQuery(query: GridQuery) {
  return { weeks: query.weeks, start: query.start, include: 'assignments', ...scopeQuery(query) };
}

function statusQuery(query: GridQuery) {
  return query.statuses.length > 0 ? { status: query.statuses.join(',') } : {};
}

function scopeQuery(query: GridQuery) {
  return {
    ...(query.department !== null ? { department: query.department, includeChildren: query.includeChildren } : {}),
    ...statusQuery(query),
    ...(query.search.trim() ? { search: query.search.trim() } : {}),
  };
}

/** `limit` people of the grid from `offset`, with their weekly totals (no rows). */
export function fetchGridPage(query: GridQuery, offset: number, limit: number, signal?: AbortSignal): Promise<GridData> {
  const params = { weeks: query.weeks, start: query.start, offset, limit, ...scopeQuery(query) };
  return read(api.GET('/api/assignments/grid', { params: { query: params }, signal: signal ?? null }));
}

/** The assignment rows of `people` in the grid's window and statuses. */
export async function fetchGridRows(query: GridQuery, people: readonly number[], signal?: AbortSignal): Promise<GridAssignment[]> {
  const params = { people: people.join(','), weeks: query.weeks, start: query.start, ...statusQuery(query) };
  const answer = await read(api.GET('/api/assignments/grid/rows', { params: { query: params }, signal: signal ?? null }));
  return answer.assignments;
}

export type HoursUpdate = Schemas['BulkRow'];
export type HoursResult = Schemas['BulkOutcome'];

/** `keepalive` lets the request finish after the page has closed (the grid's last edits). */
export async function saveHours(updates: HoursUpdate[], transport?: { keepalive: true }): Promise<HoursResult[]> {
  const answer = await read(api.PATCH('/api/assignments/hours', { body: { updates }, ...transport }));
  return answer.results;
}

/** A project "Add project" offers; the schema types `status` as text. */
export type ProjectOption = Pick<Schemas['ProjectView'], 'id' | 'name' | 'projectNumber' | 'client' | 'status'>;

export async function searchProjects(search: string, signal?: AbortSignal): Promise<ProjectOption[]> {
  const query = { status: 'planning,active,active_ca', pageSize: 20, ...(search.trim() ? { search: search.trim() } : {}) };
  const answer = await read(api.GET('/api/projects', { params: { query }, signal: signal ?? null }));
  return answer.items;
}
