// The job roles people hold (Engineer, Planner…), not the account roles in types.ts:
// a searchable paged list, create, change and delete (writes send If-Match).
import { apiFetch } from './client';
import type { Page } from './types';
import { ifMatch } from './versioned';

export interface JobRole {
  id: number;
  name: string;
  description: string;
  isActive: boolean;
  version: number;
}

export interface JobRoleChanges {
  name?: string;
  description?: string;
  isActive?: boolean;
}

export const ROLES_PAGE_SIZE = 100;

export function fetchRoles(filters: { search: string; page: number }, signal?: AbortSignal): Promise<Page<JobRole>> {
  const query = new URLSearchParams({ page: String(filters.page), pageSize: String(ROLES_PAGE_SIZE) });
  if (filters.search) query.set('search', filters.search);
  return apiFetch<Page<JobRole>>(`/roles?${query.toString()}`, signal ? { signal } : {});
}

export function createRole(role: JobRoleChanges & { name: string }): Promise<JobRole> {
  return apiFetch<JobRole>('/roles', { method: 'POST', json: role });
}

export function updateRole(role: JobRole, changes: JobRoleChanges): Promise<JobRole> {
  return apiFetch<JobRole>(`/roles/${role.id}`, { method: 'PATCH', headers: ifMatch(role.version), json: changes });
}

export function deleteRole(role: JobRole): Promise<void> {
  return apiFetch<void>(`/roles/${role.id}`, { method: 'DELETE', headers: ifMatch(role.version) });
}
