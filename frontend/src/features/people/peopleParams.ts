// The people list's state in the query string (?q=ann&department=3&sub=1&role=2&
// active=true&sort=-weeklyCapacity&page=2), read and written by pure functions so a
// reload or a shared link shows the same list. department/sub are the global
// department filter's (sub-departments included unless sub=0).
import { PEOPLE_SORTS, type PeopleQuery, type PeopleSort, type PeopleSortKey } from '../../api/people';
import { readScope, scopeEntries } from '../../shared/departmentScope/scopeParams';
import { isSort } from '../../ui/sortParams';

export const DEFAULT_PEOPLE_SORT: PeopleSort = 'name';

function readId(value: string | null): number | null {
  const id = Number.parseInt(value ?? '', 10);
  return Number.isNaN(id) ? null : id;
}

export function readPeopleParams(params: URLSearchParams): PeopleQuery {
  const sort = params.get('sort');
  const active = params.get('active');
  return {
    search: params.get('q') ?? '',
    ...readScope(params),
    role: readId(params.get('role')),
    active: active === 'true' || active === 'false' ? active : '',
    sort: isSort<PeopleSortKey>(PEOPLE_SORTS, sort) ? sort : DEFAULT_PEOPLE_SORT,
    page: Math.max(1, readId(params.get('page')) ?? 1),
  };
}

export function writePeopleParams(query: PeopleQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  for (const [key, value] of scopeEntries(query)) params.set(key, value);
  if (query.role !== null) params.set('role', String(query.role));
  if (query.active) params.set('active', query.active);
  if (query.sort !== DEFAULT_PEOPLE_SORT) params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}
