// Tests for /projects and /projects/:id: status chips and sort in the URL, the form's
// end-before-start message (browser and server), removing an assignment after
// confirming, the notes edited in place (with If-Match, and someone else's newer notes
// after a 412), and read-only for plain users.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../api/assignments';
import type { Project } from '../api/projects';
import { makeAssignment, makeProject, serveApi } from '../test/peopleData';
import { listPage, makeMe, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../test/render';

const manager = makeMe({ role: 'manager' });
const bridge = makeProject({ id: 4, name: 'Bridge', status: 'active', startDate: '2026-01-05', version: 2 });

function serveProject(
  assignments: Assignment[],
  write: (url: URL, init: RequestInit) => Response = () => jsonResponse({}),
  project: () => Project = () => bridge,
) {
  return serveApi((url, init) => {
    if (init.method) return write(url, init);
    if (url.pathname === '/api/projects') return jsonResponse(listPage([bridge], 100));
    if (url.pathname === '/api/projects/4') return jsonResponse(project());
    if (url.pathname === '/api/assignments') return jsonResponse(listPage(assignments, 500));
    if (url.pathname === '/api/deliverables') return jsonResponse([]);
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

  it('edits the notes in place with If-Match; Cancel leaves them as they were', async () => {
    let current = bridge;
    const fetchMock = serveProject([], (_url, init) => {
      current = { ...current, ...(JSON.parse(init.body as string) as Partial<Project>), version: current.version + 1 };
      return jsonResponse(current);
    }, () => current);
    renderRoute('/projects/4', { session: manager });
    const user = userEvent.setup();
    const notes = await screen.findByRole('region', { name: 'Notes' });
    expect(within(notes).getByText('No notes yet.')).toBeInTheDocument();
    await user.click(within(notes).getByRole('button', { name: 'Edit notes' }));
    await user.type(within(notes).getByRole('textbox', { name: 'Project notes' }), 'Piling starts in March.');
    await user.click(within(notes).getByRole('button', { name: 'Cancel' }));
    expect(within(notes).getByText('No notes yet.')).toBeInTheDocument();
    expect(fetchCalls(fetchMock).filter(([, call]) => call.method)).toEqual([]);

    await user.click(within(notes).getByRole('button', { name: 'Edit notes' }));
    await user.type(within(notes).getByRole('textbox', { name: 'Project notes' }), 'Piling starts in March.');
    await user.click(within(notes).getByRole('button', { name: 'Save notes' }));
    expect(await within(notes).findByText('Piling starts in March.')).toBeInTheDocument();
    await waitFor(() => expect(within(notes).getByRole('button', { name: 'Edit notes' })).toHaveFocus());
    const [[url, init]] = fetchCalls(fetchMock).filter(([, call]) => call.method === 'PATCH') as [[string, RequestInit]];
    expect([url, new Headers(init.headers).get('If-Match')]).toEqual(['/api/projects/4', '"2"']);
    expect(JSON.parse(init.body as string)).toEqual({ notes: 'Piling starts in March.' });
    expect(within(screen.getByRole('form', { name: 'Edit Bridge' })).queryByLabelText('Notes')).not.toBeInTheDocument();
  });

  it('shows someone else’s newer notes above the text being written after a 412', async () => {
    let current = bridge;
    serveProject([], () => {
      current = { ...bridge, notes: 'Crane booked.', version: 3 };
      return problem(412, 'precondition_failed', 'The record was changed by someone else.');
    }, () => current);
    renderRoute('/projects/4', { session: manager });
    const user = userEvent.setup();
    const notes = await screen.findByRole('region', { name: 'Notes' });
    await user.click(within(notes).getByRole('button', { name: 'Edit notes' }));
    await user.type(within(notes).getByRole('textbox', { name: 'Project notes' }), 'Piling starts in March.');
    await user.click(within(notes).getByRole('button', { name: 'Save notes' }));
    expect(await within(notes).findByRole('alert')).toHaveTextContent(/Someone changed these notes meanwhile/);
    expect(await within(notes).findByText('Crane booked.')).toBeInTheDocument();
    expect(within(notes).getByRole('textbox', { name: 'Project notes' })).toHaveValue('Piling starts in March.');
  });

  it('shows plain users the project read-only', async () => {
    serveProject([makeAssignment({ id: 8, person: 1, project: 4, personName: 'Ann Archer' })]);
    renderRoute('/projects/4', { session: makeMe({ role: 'user' }) });
    expect(await screen.findByRole('link', { name: 'Ann Archer' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add a person|Remove|Save/ })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Active', { selector: 'dd' })).toBeInTheDocument());
    expect(within(screen.getByRole('region', { name: 'Notes' })).queryByRole('button')).not.toBeInTheDocument();
  });
});
