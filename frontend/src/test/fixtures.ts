// Test data shaped like the API's answers: the signed-in user, admin-list users, token
// responses, departments and job roles, and problem+json errors.
import type { Department } from '../api/departments';
import type { JobRole } from '../api/roles';
import type { Me, TokenResponse, User } from '../api/types';

export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    id: 1,
    username: 'alice',
    email: 'alice@example.com',
    role: 'user',
    person: null,
    isActive: true,
    settings: { theme: 'system', defaultDepartment: null },
    createdAt: '2025-01-15T09:30:00Z',
    ...overrides,
  };
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 2,
    username: 'bob',
    email: 'bob@example.com',
    role: 'user',
    person: null,
    isActive: true,
    createdAt: '2025-02-01T10:00:00Z',
    lastLoginAt: null,
    version: 1,
    ...overrides,
  };
}

export function makeDepartment(overrides: Partial<Department> & Pick<Department, 'id' | 'name'>): Department {
  return {
    parentDepartment: null,
    manager: null,
    description: '',
    isActive: true,
    version: 1,
    createdAt: '2025-02-01T10:00:00Z',
    updatedAt: '2025-02-01T10:00:00Z',
    ...overrides,
  };
}

export function makeRole(overrides: Partial<JobRole> & Pick<JobRole, 'id' | 'name'>): JobRole {
  return { description: '', isActive: true, version: 1, ...overrides };
}

/** One page of a list holding all of `items`. */
export function listPage<T>(items: T[], pageSize = 500) {
  return { items, page: 1, pageSize, total: items.length };
}

export function tokens(access: string, user: Me = makeMe()): TokenResponse {
  return { access, accessExpiresAt: '2030-01-01T00:00:00Z', user };
}

/** A problem+json error response as the API sends it. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: { errors?: { field: string; code: string; message: string }[]; headers?: Record<string, string> } = {},
): Response {
  return new Response(
    JSON.stringify({ type: 'about:blank', title: 'Request failed', status, detail, code, errors: extra.errors }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...extra.headers } },
  );
}
