// The job roles people hold (Engineer, Planner…), not the account roles in types.ts:
// a searchable paged list, create, change and delete (writes send If-Match).
import { api, read } from './http';
import type { components } from './schema';
import { ifMatch } from './versioned';

export type JobRole = components['schemas']['RoleView'];
export type JobRoleChanges = Partial<components['schemas']['RoleBody']>;
export type JobRolePage = components['schemas']['ListPage_RoleView'];

export const ROLES_PAGE_SIZE = 100;

export function fetchRoles(filters: { search: string; page: number }, signal?: AbortSignal): Promise<JobRolePage> {
  const query = { page: filters.page, pageSize: ROLES_PAGE_SIZE, ...(filters.search ? { search: filters.search } : {}) };
  return read(api.GET('/api/roles', { params: { query }, signal: signal ?? null }));
}

export function createRole(role: JobRoleChanges & { name: string }): Promise<JobRole> {
  return read(api.POST('/api/roles', { body: role }));
}

export function updateRole(role: JobRole, changes: JobRoleChanges): Promise<JobRole> {
  return read(api.PATCH('/api/roles/{id}', { params: { path: { id: role.id } }, headers: ifMatch(role.version), body: changes }));
}

export function deleteRole(role: JobRole): Promise<void> {
  return read(api.DELETE('/api/roles/{id}', { params: { path: { id: role.id } }, headers: ifMatch(role.version) }));
}
