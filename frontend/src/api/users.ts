// Admin endpoints: the user list, creating and editing accounts, password help, and
// the audit log.
import { apiFetch } from './client';
import type { Page, Role, User } from './types';

export interface UserFilters {
  page: number;
  search: string;
  role: Role | '';
  active: '' | 'true' | 'false';
}

export const USERS_PAGE_SIZE = 100;
export const AUDIT_PAGE_SIZE = 50;

export function fetchUsers(filters: UserFilters, signal?: AbortSignal): Promise<Page<User>> {
  const query = new URLSearchParams({ page: String(filters.page), pageSize: String(USERS_PAGE_SIZE) });
  // Empty filters are left out rather than sent blank.
  if (filters.search) query.set('search', filters.search);
  if (filters.role) query.set('role', filters.role);
  if (filters.active) query.set('active', filters.active);
  return apiFetch<Page<User>>(`/users?${query.toString()}`, signal ? { signal } : {});
}

export interface NewUser {
  username: string;
  email: string;
  role: Role;
  /** Omitted: the server emails an invitation link instead. */
  password?: string;
}

export function createUser(user: NewUser): Promise<User> {
  return apiFetch<User>('/users', { method: 'POST', json: user });
}

export interface UserChanges {
  role?: Role;
  isActive?: boolean;
  email?: string;
  /** The linked person's id, or null to unlink. */
  person?: number | null;
}

export function updateUser(id: number, changes: UserChanges): Promise<User> {
  return apiFetch<User>(`/users/${id}`, { method: 'PATCH', json: changes });
}

export function sendResetLink(id: number): Promise<{ jobId: string; state: string; statusUrl: string }> {
  return apiFetch(`/users/${id}/password-reset`, { method: 'POST' });
}

export function setUserPassword(id: number, password: string): Promise<void> {
  return apiFetch<void>(`/users/${id}/password`, { method: 'POST', json: { password } });
}

export interface AuditEntry {
  id: number;
  actor: { id: number; username: string } | null;
  action: string;
  target: { type: string; id: number | string; label: string };
  details: Record<string, unknown>;
  createdAt: string;
}

export function fetchAudit(page: number, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(AUDIT_PAGE_SIZE) });
  return apiFetch<Page<AuditEntry>>(`/audit?${query.toString()}`, signal ? { signal } : {});
}

/** A person as the admin's link picker needs it. */
export interface PersonChoice {
  id: number;
  name: string;
  email: string | null;
  departmentName: string | null;
}

export function searchPeople(search: string, signal?: AbortSignal): Promise<{ items: PersonChoice[] }> {
  const query = new URLSearchParams({ search, pageSize: '10', active: 'true' });
  return apiFetch(`/people?${query.toString()}`, signal ? { signal } : {});
}

export function fetchPersonChoice(id: number, signal?: AbortSignal): Promise<PersonChoice> {
  return apiFetch(`/people/${id}`, signal ? { signal } : {});
}
