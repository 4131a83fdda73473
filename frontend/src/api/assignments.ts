// Assignments (a person on a project, with hours per week keyed by Sunday): one
// person's or one project's active list, create, remove; and the people x weeks totals
// of the planning grid, which the utilization strip and the candidate list read.
import { apiFetch } from './client';
import type { Page } from './types';
import { ifMatch } from './versioned';

/** Hours per week, keyed by the week's Sunday (YYYY-MM-DD). */
export type WeeklyHours = Record<string, number>;

export interface Assignment {
  id: number;
  person: number;
  personName: string;
  project: number;
  projectName: string;
  roleOnProject: string;
  weeklyHours: WeeklyHours;
  notes: string;
  isActive: boolean;
  version: number;
}

export interface GridPerson {
  id: number;
  name: string;
  weeklyCapacity: number;
  department: number | null;
  departmentName: string | null;
}

export interface GridTotals {
  weekKeys: string[];
  people: GridPerson[];
  hoursByPerson: Record<string, WeeklyHours>;
}

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
): Promise<Page<Assignment>> {
  const [key, id] = 'person' in owner ? ['person', owner.person] : ['project', owner.project];
  const query = new URLSearchParams({ [key]: String(id), active: 'true', pageSize: '500' });
  return apiFetch<Page<Assignment>>(`/assignments?${query.toString()}`, signal ? { signal } : {});
}

export function createAssignment(assignment: { person: number; project: number; roleOnProject: string }): Promise<Assignment> {
  return apiFetch<Assignment>('/assignments', { method: 'POST', json: assignment });
}

export function deleteAssignment(assignment: Assignment): Promise<void> {
  return apiFetch<void>(`/assignments/${assignment.id}`, { method: 'DELETE', headers: ifMatch(assignment.version) });
}

export function fetchGridTotals(scope: GridScope, signal?: AbortSignal): Promise<GridTotals> {
  const query = new URLSearchParams({ weeks: String(scope.weeks), start: scope.start });
  if (scope.search) query.set('search', scope.search);
  if (scope.department !== undefined && scope.department !== null) query.set('department', String(scope.department));
  return apiFetch<GridTotals>(`/assignments/grid?${query.toString()}`, signal ? { signal } : {});
}
