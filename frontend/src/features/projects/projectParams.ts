// The projects list's state in the query string (?status=active,on_hold&client=Acme&
// q=bridge&department=3&sub=1&sort=-startDate&page=2), read and written by pure
// functions. department/sub are the global department filter's.
import { PROJECT_SORTS, PROJECT_STATUSES, type ProjectQuery, type ProjectSortKey, type ProjectStatus } from '../../api/projects';
import { readScope, scopeEntries } from '../../shared/departmentScope/scopeParams';
import { isSort } from '../../ui/sortParams';

export function readProjectParams(params: URLSearchParams): ProjectQuery {
  const sort = params.get('sort');
  const wanted = (params.get('status') ?? '').split(',');
  return {
    search: params.get('q') ?? '',
    statuses: PROJECT_STATUSES.filter((status) => wanted.includes(status)),
    client: params.get('client') ?? '',
    ...readScope(params),
    sort: isSort<ProjectSortKey>(PROJECT_SORTS, sort) ? sort : 'name',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
}

export function writeProjectParams(query: ProjectQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.statuses.length > 0) params.set('status', query.statuses.join(','));
  if (query.client) params.set('client', query.client);
  if (query.search) params.set('q', query.search);
  for (const [key, value] of scopeEntries(query)) params.set(key, value);
  if (query.sort !== 'name') params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/** Turns one status chip on or off, keeping the statuses in their usual order. */
export function toggleStatus(statuses: readonly ProjectStatus[], status: ProjectStatus): ProjectStatus[] {
  const on = !statuses.includes(status);
  return PROJECT_STATUSES.filter((candidate) => (candidate === status ? on : statuses.includes(candidate)));
}
