// People, whose time is planned: the filtered, sorted list page, one person (with its
// version for If-Match), create, change, and moving many people to a department at once.
import { apiFetch } from './client';
import type { Page } from './types';
import { ifMatch } from './versioned';

export interface Person {
  id: number;
  name: string;
  email: string | null;
  weeklyCapacity: number;
  role: number | null;
  roleName: string | null;
  department: number | null;
  departmentName: string | null;
  location: string;
  hireDate: string | null;
  notes: string;
  isActive: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PersonChanges {
  name?: string;
  email?: string | null;
  weeklyCapacity?: number;
  role?: number | null;
  department?: number | null;
  location?: string;
  hireDate?: string | null;
  notes?: string;
  isActive?: boolean;
}

export const PEOPLE_SORTS = ['name', 'weeklyCapacity', 'department', 'createdAt'] as const;
export type PeopleSortKey = (typeof PEOPLE_SORTS)[number];
export type PeopleSort = PeopleSortKey | `-${PeopleSortKey}`;

export interface PeopleQuery {
  search: string;
  department: number | null;
  includeChildren: boolean;
  role: number | null;
  active: '' | 'true' | 'false';
  sort: PeopleSort;
  page: number;
}

/** The server's largest page: the table is virtualized, so a page this size stays fast. */
export const PEOPLE_PAGE_SIZE = 500;

/** The list's filters and order as API query parameters (the people export takes the same). */
export function peopleFilterParams(filters: Omit<PeopleQuery, 'page'>): URLSearchParams {
  const query = new URLSearchParams({ sort: filters.sort });
  if (filters.search) query.set('search', filters.search);
  if (filters.department !== null) {
    query.set('department', String(filters.department));
    query.set('includeChildren', String(filters.includeChildren));
  }
  if (filters.role !== null) query.set('role', String(filters.role));
  if (filters.active) query.set('active', filters.active);
  return query;
}

export function fetchPeople(filters: PeopleQuery, signal?: AbortSignal): Promise<Page<Person>> {
  const query = new URLSearchParams({ page: String(filters.page), pageSize: String(PEOPLE_PAGE_SIZE) });
  for (const [key, value] of peopleFilterParams(filters)) query.set(key, value);
  return apiFetch<Page<Person>>(`/people?${query.toString()}`, signal ? { signal } : {});
}

export function fetchPerson(id: number, signal?: AbortSignal): Promise<Person> {
  return apiFetch<Person>(`/people/${id}`, signal ? { signal } : {});
}

export function createPerson(person: PersonChanges & { name: string }): Promise<Person> {
  return apiFetch<Person>('/people', { method: 'POST', json: person });
}

export function updatePerson(person: Person, changes: PersonChanges): Promise<Person> {
  return apiFetch<Person>(`/people/${person.id}`, { method: 'PATCH', headers: ifMatch(person.version), json: changes });
}

/** Moves every listed person to `department` (null: no department); answers how many moved. */
export function moveToDepartment(people: readonly number[], department: number | null): Promise<{ updated: number }> {
  return apiFetch<{ updated: number }>('/people/bulk-department', { method: 'POST', json: { people, department } });
}
