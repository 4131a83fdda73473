// Assignments (a person on a project, with hours per week keyed by Sunday): one
// project's active list, create, remove. (A person's arrive with their page's overview.)
import { api, read } from './http';
import type { components } from './schema';
import { ifMatch } from './versioned';

type Schemas = components['schemas'];

/** Hours per week, keyed by the week's Sunday (YYYY-MM-DD). */
export type WeeklyHours = Record<string, number>;

export type Assignment = Schemas['AssignmentView'];
export type NewAssignment = Schemas['NewAssignment'];
export function fetchProjectAssignments(project: number, signal?: AbortSignal): Promise<Schemas['ListPage_AssignmentView']> {
  const query = { project, active: true, pageSize: 500 };
  return read(api.GET('/api/assignments', { params: { query }, signal: signal ?? null }));
}

export function createAssignment(assignment: NewAssignment): Promise<Assignment> {
  return read(api.POST('/api/assignments', { body: assignment }));
}

export function deleteAssignment(assignment: Assignment): Promise<void> {
  return read(api.DELETE('/api/assignments/{id}', { params: { path: { id: assignment.id } }, headers: ifMatch(assignment.version) }));
}
