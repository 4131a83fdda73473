// People, whose time is planned: the filtered, sorted list page, one person's page (the
// person with its version for If-Match, their weeks, assignments and skills) and the
// choices of their fields, create, change, and moving many people to a department at once.
import { api, read } from './http';
import type { components, operations } from './schema';
import { ifMatch } from './versioned';

export type Person = components['schemas']['PersonView'];
export type PersonChanges = Partial<components['schemas']['PersonBody']>;
export type PeoplePage = components['schemas']['ListPage_PersonView'];
/** Everything the person page shows: the person, their weeks, assignments and skills. */
export type PersonOverview = components['schemas']['PersonOverview'];
export type PersonWeek = components['schemas']['PersonWeek'];
/** Every department and job role a person's fields can take. */
export type PersonChoices = components['schemas']['PersonChoices'];
/** The people list's query parameters, paging aside (the people export takes the same). */
export type PeopleFilters = Omit<NonNullable<operations['people_list']['parameters']['query']>, 'page' | 'pageSize'>;

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
export function peopleFilterParams(filters: Omit<PeopleQuery, 'page'>): PeopleFilters {
  return {
    sort: filters.sort,
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.department !== null ? { department: filters.department, includeChildren: filters.includeChildren } : {}),
    ...(filters.role !== null ? { role: filters.role } : {}),
    ...(filters.active ? { active: filters.active === 'true' } : {}),
  };
}

export function fetchPeople(filters: PeopleQuery, signal?: AbortSignal): Promise<PeoplePage> {
  const query = { page: filters.page, pageSize: PEOPLE_PAGE_SIZE, ...peopleFilterParams(filters) };
  return read(api.GET('/api/people', { params: { query }, signal: signal ?? null }));
}

export function fetchPersonOverview(id: number, signal?: AbortSignal): Promise<PersonOverview> {
  return read(api.GET('/api/people/{id}/overview', { params: { path: { id } }, signal: signal ?? null }));
}

export function fetchPersonChoices(signal?: AbortSignal): Promise<PersonChoices> {
  return read(api.GET('/api/people/choices', { signal: signal ?? null }));
}

export function createPerson(person: PersonChanges & { name: string }): Promise<Person> {
  return read(api.POST('/api/people', { body: person }));
}

export function updatePerson(person: Person, changes: PersonChanges): Promise<Person> {
  return read(api.PATCH('/api/people/{id}', { params: { path: { id: person.id } }, headers: ifMatch(person.version), body: changes }));
}

/** Moves every listed person to `department` (null: no department); answers how many moved. */
export function moveToDepartment(people: readonly number[], department: number | null): Promise<components['schemas']['BulkResult']> {
  return read(api.POST('/api/people/bulk-department', { body: { people: [...people], department } }));
}
