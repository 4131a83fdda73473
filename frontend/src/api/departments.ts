// The department tree's endpoints: the whole list (every page), create, change (with
// If-Match) and delete. The tree itself is built in the browser.
import { api, read } from './http';
import type { components } from './schema';
import { ifMatch } from './versioned';

/** A department; its `manager` (a person's id) is chosen elsewhere, shown read-only here. */
export type Department = components['schemas']['DepartmentView'];
export type DepartmentChanges = Partial<Pick<components['schemas']['DepartmentBody'], 'name' | 'parentDepartment' | 'description' | 'isActive'>>;

/** The server's largest page; a tree is shown whole, so every page is read. */
const PAGE_SIZE = 500;

/** Every department, active or not, ordered by name. */
export async function fetchAllDepartments(signal?: AbortSignal): Promise<Department[]> {
  const all: Department[] = [];
  for (let page = 1; ; page += 1) {
    const query = { page, pageSize: PAGE_SIZE };
    const answer = await read(api.GET('/api/departments', { params: { query }, signal: signal ?? null }));
    all.push(...answer.items);
    if (answer.items.length === 0 || all.length >= answer.total) return all;
  }
}

export function createDepartment(department: DepartmentChanges & { name: string }): Promise<Department> {
  return read(api.POST('/api/departments', { body: department }));
}

export function updateDepartment(department: Department, changes: DepartmentChanges): Promise<Department> {
  return read(api.PATCH('/api/departments/{id}', { params: { path: { id: department.id } }, headers: ifMatch(department.version), body: changes }));
}

export function deleteDepartment(department: Department): Promise<void> {
  return read(api.DELETE('/api/departments/{id}', { params: { path: { id: department.id } }, headers: ifMatch(department.version) }));
}
