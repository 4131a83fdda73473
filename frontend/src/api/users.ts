// Admin endpoints: the user list, creating and editing accounts, password help, and
// the audit log.
import { api, read } from './http';
import type { components } from './schema';
import type { Role } from './types';

type Schemas = components['schemas'];

export interface UserFilters {
  page: number;
  search: string;
  role: Role | '';
  active: '' | 'true' | 'false';
}

export const USERS_PAGE_SIZE = 100;
export const AUDIT_PAGE_SIZE = 50;

export function fetchUsers(filters: UserFilters, signal?: AbortSignal): Promise<Schemas['ListPage_UserView']> {
  // Empty filters are left out rather than sent blank.
  const query = {
    page: filters.page,
    pageSize: USERS_PAGE_SIZE,
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.active ? { active: filters.active === 'true' } : {}),
  };
  return read(api.GET('/api/users', { params: { query }, signal: signal ?? null }));
}

/** A new account; without `password` the server emails an invitation link instead. */
export type NewUser = Schemas['NewUserBody'];

export function createUser(user: NewUser): Promise<Schemas['UserView']> {
  return read(api.POST('/api/users', { body: user }));
}

/** Changes to an account; `person` is the linked person's id, or null to unlink. */
export type UserChanges = Schemas['UserPatch'];

export function updateUser(id: number, changes: UserChanges): Promise<Schemas['UserView']> {
  return read(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: changes }));
}

export function sendResetLink(id: number): Promise<Schemas['Queued']> {
  return read(api.POST('/api/users/{id}/password-reset', { params: { path: { id } } }));
}

export function setUserPassword(id: number, password: string): Promise<void> {
  return read(api.POST('/api/users/{id}/password', { params: { path: { id } }, body: { password } }));
}

export type AuditEntry = Schemas['EventView'];

export function fetchAudit(page: number, signal?: AbortSignal): Promise<Schemas['ListPage_EventView']> {
  return read(api.GET('/api/audit', { params: { query: { page, pageSize: AUDIT_PAGE_SIZE } }, signal: signal ?? null }));
}

/** A person as the admin's link picker needs it. */
export type PersonChoice = Pick<Schemas['PersonView'], 'id' | 'name' | 'email' | 'departmentName'>;

export function searchPeople(search: string, signal?: AbortSignal): Promise<{ items: PersonChoice[] }> {
  return read(api.GET('/api/people', { params: { query: { search, pageSize: 10, active: true } }, signal: signal ?? null }));
}

export function fetchPersonChoice(id: number, signal?: AbortSignal): Promise<PersonChoice> {
  return read(api.GET('/api/people/{id}', { params: { path: { id } }, signal: signal ?? null }));
}
