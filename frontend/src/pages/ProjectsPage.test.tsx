// The projects list's empty state: "No projects yet" only when nothing narrows the
// list; any filter, the header's department filter included, says that no project
// matches instead.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listPage, makeDepartment, makeMe } from '../test/fixtures';
import { jsonResponse, mockFetch, renderRoute } from '../test/render';

function serveNoProjects() {
  return mockFetch((url) => {
    if (url.startsWith('/api/projects')) return jsonResponse(listPage([], 50));
    if (url.startsWith('/api/departments')) return jsonResponse(listPage([makeDepartment({ id: 3, name: 'Civil' })]));
    return jsonResponse({}, 404);
  });
}

describe('projects page', () => {
  it('says there are no projects yet when nothing narrows the list', async () => {
    serveNoProjects();
    renderRoute('/projects', { session: makeMe({ role: 'manager' }) });
    expect(await screen.findByText('No projects yet.')).toBeInTheDocument();
  });

  it.each(['department=3', 'department=3&sub=0', 'q=bridge', 'status=active'])('says no project matches with %s', async (query) => {
    serveNoProjects();
    renderRoute(`/projects?${query}`, { session: makeMe({ role: 'manager' }) });
    expect(await screen.findByText(/^No project matches these filters\./)).toBeInTheDocument();
    expect(screen.queryByText('No projects yet.')).not.toBeInTheDocument();
  });
});
