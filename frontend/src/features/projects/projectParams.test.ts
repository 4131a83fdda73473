// The projects list's URL state: filters, the global department filter and the page
// round-trip, and the department reaches the API request with includeChildren.
import { describe, expect, it } from 'vitest';
import { fetchProjects } from '../../api/projects';
import { fetchCalls, jsonResponse, mockFetch } from '../../test/render';
import { readProjectParams, writeProjectParams } from './projectParams';

describe('projects URL state', () => {
  it('round-trips the filters, the department scope, the sort and the page', () => {
    const search = 'status=active,on_hold&client=Acme&q=bridge&department=3&sub=0&sort=-startDate&page=2';
    const query = readProjectParams(new URLSearchParams(search));
    expect(query).toEqual({
      search: 'bridge',
      statuses: ['active', 'on_hold'],
      client: 'Acme',
      department: 3,
      includeChildren: false,
      sort: '-startDate',
      page: 2,
    });
    expect(decodeURIComponent(writeProjectParams(query).toString())).toBe(search);
  });

  it('includes sub-departments by default and leaves an unscoped list alone', () => {
    expect(readProjectParams(new URLSearchParams('department=3'))).toMatchObject({ department: 3, includeChildren: true });
    expect(writeProjectParams(readProjectParams(new URLSearchParams(''))).toString()).toBe('');
  });

  it('asks the API for projects staffed from the department and below', async () => {
    const fetchMock = mockFetch(() => jsonResponse({ items: [], page: 1, pageSize: 100, total: 0 }));
    const query = readProjectParams(new URLSearchParams('department=3'));
    await fetchProjects(query);
    await fetchProjects({ ...query, department: null });
    expect(fetchCalls(fetchMock).map(([url]) => url)).toEqual([
      '/api/projects?page=1&pageSize=100&sort=name&department=3&includeChildren=true',
      '/api/projects?page=1&pageSize=100&sort=name',
    ]);
  });
});
