// Tests for /projects and /projects/:id: status chips and sort in the URL, the form's
// end-before-start message (browser and server), adding the freest candidate as an
// assignment, removing one after confirming, and read-only for plain users.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../api/assignments';
import { makeAssignment, makeProject, serveApi } from '../features/people/testData';
import { weekRange } from '../features/people/weeks';
import { listPage, makeMe, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../test/render';

const manager = makeMe({ role: 'manager' });
const bridge = makeProject({ id: 4, name: 'Bridge', status: 'active', startDate: '2026-01-05', version: 2 });

function serveProject(assignments: Assignment[], write: (url: URL, init: RequestInit) => Response = () => jsonResponse({})) {
  return serveApi((url, init) => {
    if (init.method) return write(url, init);
    if (url.pathname === '/api/projects') return jsonResponse(listPage([bridge], 100));
    if (url.pathname === '/api/projects/4') return jsonResponse(bridge);
    if (url.pathname === '/api/assignments') return jsonResponse(listPage(assignments, 500));
    if (url.pathname === '/api/assignments/grid') {
      const weekKeys = weekRange(url.searchParams.get('start') ?? '', Number(url.searchParams.get('weeks')));
      return jsonResponse({
        weekKeys,
        people: [
          { id: 1, name: 'Ann Archer', weeklyCapacity: 36, department: 2, departmentName: 'Civil' },
          { id: 2, name: 'Bob Baker', weeklyCapacity: 40, department: 3, departmentName: 'Design' },
          { id: 3, name: 'Cy Cole', weeklyCapacity: 36, department: null, departmentName: null },
        ],
        hoursByPerson: { '2': { [weekKeys[0]!]: 40, [weekKeys[1]!]: 40 }, '3': { [weekKeys[0]!]: 6 } },
      });
    }
    return undefined;
  });
}

describe('projects', () => {
  it('filters by status chips and sorts by column, in the URL', async () => {
    const fetchMock = serveProject([]);
    const { router } = renderRoute('/projects?status=active', { session: manager });
    expect(await screen.findByRole('link', { name: 'Bridge' })).toBeInTheDocument();
    expect(fetchCalls(fetchMock).find(([url]) => url.startsWith('/api/projects?'))?.[0]).toBe(
      '/api/projects?page=1&pageSize=100&sort=name&status=active',
    );
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Active' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Planning' }));
    expect(router.state.location.search).toBe('?status=planning%2Cactive');
    await user.click(within(screen.getByRole('columnheader', { name: /Start/ })).getByRole('button'));
    expect(router.state.location.search).toBe('?status=planning%2Cactive&sort=startDate');
  });

  it('says when the end date is before the start, in the browser and from the server', async () => {
    const fetchMock = serveProject([], () =>
      problem(400, 'validation_failed', 'Check the highlighted fields.', {
        errors: [{ field: 'endDate', code: 'end_before_start', message: 'The end date is before the start date.' }],
      }),
    );
    renderRoute('/projects', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New project' }));
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    await user.type(within(dialog).getByLabelText('Name'), 'Tunnel');
    await user.type(within(dialog).getByLabelText('Start date'), '2026-03-10');
    await user.type(within(dialog).getByLabelText('End date'), '2026-03-01');
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(within(dialog).getByText(/The end date is before the start date\. Pick a later/)).toHaveClass('field__error');
    expect(fetchCalls(fetchMock).filter(([, init]) => init.method)).toEqual([]);

    // Dates the browser accepts but the server refuses still show at the field.
    await user.clear(within(dialog).getByLabelText('End date'));
    await user.type(within(dialog).getByLabelText('End date'), '2026-04-01');
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(await within(dialog).findByText('The end date is before the start date.')).toHaveClass('field__error');
    expect(within(dialog).getByLabelText('End date')).toHaveAttribute('aria-invalid', 'true');
  });

  it('adds a person from the candidates, freest first', async () => {
    const assignments = [makeAssignment({ id: 8, person: 1, project: 4, personName: 'Ann Archer' })];
    const fetchMock = serveProject(assignments, () => {
      assignments.push(makeAssignment({ id: 9, person: 3, project: 4, personName: 'Cy Cole', roleOnProject: 'Checker' }));
      return jsonResponse(assignments[1], 201);
    });
    renderRoute('/projects/4', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a person' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a person to Bridge' });
    expect(within(dialog).getByRole('combobox', { name: 'Weeks' })).toHaveValue('4');
    const table = await within(dialog).findByRole('table', { name: 'Candidates' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Cy Cole1386 / 144Add Cy Cole',
      'Bob BakerDesign8080 / 160Add Bob Baker',
    ]);
    await user.type(within(dialog).getByLabelText('Role on project (optional)'), 'Checker');
    await user.click(within(dialog).getByRole('button', { name: 'Add Cy Cole' }));
    expect(await screen.findByText('Added Cy Cole to Bridge.')).toBeInTheDocument();
    const people = await screen.findByRole('table', { name: 'People on this project' });
    expect(await within(people).findByRole('link', { name: 'Cy Cole' })).toHaveAttribute('href', '/people/3');
    const [[url, init]] = fetchCalls(fetchMock).filter(([, call]) => call.method === 'POST') as [[string, RequestInit]];
    expect(url).toBe('/api/assignments');
    expect(JSON.parse(init.body as string)).toEqual({ person: 3, project: 4, roleOnProject: 'Checker' });
    const grid = fetchCalls(fetchMock).find(([call]) => call.startsWith('/api/assignments/grid'))?.[0] ?? '';
    expect(grid).toMatch(/^\/api\/assignments\/grid\?weeks=8&start=\d{4}-\d{2}-\d{2}$/);
  });

  it('removes an assignment after confirming, with If-Match', async () => {
    const assignments = [makeAssignment({ id: 8, person: 1, project: 4, personName: 'Ann Archer', version: 6 })];
    const fetchMock = serveProject(assignments, () => {
      assignments.pop();
      return new Response(null, { status: 204 });
    });
    renderRoute('/projects/4', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Remove Ann Archer' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Ann Archer from Bridge?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove from project' }));
    expect(await screen.findByText('Nobody is on this project yet.')).toBeInTheDocument();
    const [[url, init]] = fetchCalls(fetchMock).filter(([, call]) => call.method === 'DELETE') as [[string, RequestInit]];
    expect([url, new Headers(init.headers).get('If-Match')]).toEqual(['/api/assignments/8', '"6"']);
  });

  it('shows plain users the project read-only', async () => {
    serveProject([makeAssignment({ id: 8, person: 1, project: 4, personName: 'Ann Archer' })]);
    renderRoute('/projects/4', { session: makeMe({ role: 'user' }) });
    expect(await screen.findByRole('link', { name: 'Ann Archer' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add a person|Remove|Save/ })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Active', { selector: 'dd' })).toBeInTheDocument());
  });
});
