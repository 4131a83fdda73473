// The department tree's endpoints: the whole list (every page), create, change (with
// If-Match) and delete. The tree itself is built in the browser.
import { apiFetch } from './client';
import type { Page } from './types';
import { ifMatch } from './versioned';

export interface Department {
  id: number;
  name: string;
  parentDepartment: number | null;
  /** A person's id; chosen elsewhere, shown read-only here. */
  manager: number | null;
  description: string;
  isActive: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DepartmentChanges {
  name?: string;
  parentDepartment?: number | null;
  description?: string;
  isActive?: boolean;
}

/** The server's largest page; a tree is shown whole, so every page is read. */
const PAGE_SIZE = 500;

/** Every department, active or not, ordered by name. */
export async function fetchAllDepartments(signal?: AbortSignal): Promise<Department[]> {
  const all: Department[] = [];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    const answer = await apiFetch<Page<Department>>(`/departments?${query.toString()}`, signal ? { signal } : {});
    all.push(...answer.items);
    if (answer.items.length === 0 || all.length >= answer.total) return all;
  }
}

export function createDepartment(department: DepartmentChanges & { name: string }): Promise<Department> {
  return apiFetch<Department>('/departments', { method: 'POST', json: department });
}

export function updateDepartment(department: Department, changes: DepartmentChanges): Promise<Department> {
  return apiFetch<Department>(`/departments/${department.id}`, {
    method: 'PATCH',
    headers: ifMatch(department.version),
    json: changes,
  });
}

export function deleteDepartment(department: Department): Promise<void> {
  return apiFetch<void>(`/departments/${department.id}`, {
    method: 'DELETE',
    headers: ifMatch(department.version),
  });
}
