// Assignments (a person on a project, with hours per week keyed by Sunday): one
// person's or one project's active list, create, remove; and the people x weeks totals
// of the planning grid, which the utilization strip and the candidate list read.
import { api, read } from './http';
import type { components } from './schema';
import { ifMatch } from './versioned';

type Schemas = components['schemas'];

/** Hours per week, keyed by the week's Sunday (YYYY-MM-DD). */
export type WeeklyHours = Record<string, number>;

export type Assignment = Schemas['AssignmentView'];
export type NewAssignment = Schemas['NewAssignment'];
/** The people x weeks totals of the planning grid (GET /api/assignments/grid). */
export type GridTotals = Schemas['GridView'];

export interface GridScope {
  /** 8 to 52. */
  weeks: number;
  start: string;
  search?: string;
  department?: number | null;
}

export function fetchAssignments(
  owner: { person: number } | { project: number },
  signal?: AbortSignal,
): Promise<Schemas['ListPage_AssignmentView']> {
  const query = { ...owner, active: true, pageSize: 500 };
  return read(api.GET('/api/assignments', { params: { query }, signal: signal ?? null }));
}

export function createAssignment(assignment: NewAssignment): Promise<Assignment> {
  return read(api.POST('/api/assignments', { body: assignment }));
}

export function deleteAssignment(assignment: Assignment): Promise<void> {
  return read(api.DELETE('/api/assignments/{id}', { params: { path: { id: assignment.id } }, headers: ifMatch(assignment.version) }));
}

export function fetchGridTotals(scope: GridScope, signal?: AbortSignal): Promise<GridTotals> {
  const query = {
    weeks: scope.weeks,
    start: scope.start,
    ...(scope.search ? { search: scope.search } : {}),
    ...(scope.department !== undefined && scope.department !== null ? { department: scope.department } : {}),
  };
  return read(api.GET('/api/assignments/grid', { params: { query }, signal: signal ?? null }));
}
