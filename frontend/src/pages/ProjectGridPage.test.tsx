// The project grid page with the API stubbed: one request for the grid and one for the
// deliverable calendar of its window, marks in the right weeks (named in words), a
// project expanded and its people's hours typed with the keyboard and saved in one
// batch (the project total moves at once), refused saves rolled back with words (a 412
// reloads the grid), Ctrl+Z, the view switch, and plain users' limits.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CalendarDeliverable } from '../api/deliverableCalendar';
import type { ProjectGridData } from '../features/planning/projectGrid/projectGridApi';
import { listPage, makeMe, problem } from '../test/fixtures';
import { press, typeText } from '../test/gridKeys';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

const WEEKS = ['2026-11-22', '2026-11-29', '2026-12-06', '2026-12-13', '2026-12-20', '2026-12-27', '2027-01-03', '2027-01-10'];

function gridData(): ProjectGridData {
  return {
    weekKeys: WEEKS,
    projects: [
      { id: 5, name: 'Bridge', projectNumber: 'P-5', client: 'City', status: 'active' },
      { id: 6, name: 'Dam', projectNumber: null, client: '', status: 'planning' },
    ],
    hoursByProject: { '5': { '2026-11-22': 30 } },
    assignments: [
      { id: 7, project: 5, person: 1, personName: 'Ann Archer', roleOnProject: 'Lead', version: 2, weeklyHours: { '2026-11-22': 20 } },
      { id: 8, project: 5, person: 2, personName: 'Bo Brown', roleOnProject: '', version: 4, weeklyHours: { '2026-11-22': 10 } },
    ],
  };
}

function due(id: number, project: number, date: string, description: string, percentage: number, isCompleted = false): CalendarDeliverable {
  return { id, project, projectName: 'Bridge', description, percentage, date, sortOrder: id, isCompleted, completedDate: null, notes: '', version: 1 };
}

const CALENDAR = [due(1, 5, '2026-11-24', 'SD', 35, true), due(2, 5, '2027-01-12', 'IFP', 95)];

function stubApi(patch: () => Response = () => jsonResponse({ results: [{ assignmentId: 7, version: 3 }] })) {
  return mockFetch((url) => {
    if (url.startsWith('/api/assignments/project-grid')) return jsonResponse(gridData());
    if (url.startsWith('/api/deliverables/calendar')) return jsonResponse(CALENDAR);
    if (url.startsWith('/api/departments')) return jsonResponse(listPage([]));
    if (url === '/api/assignments/hours') return patch();
    return jsonResponse({}, 404);
  });
}

const callsTo = (fetchMock: ReturnType<typeof mockFetch>, prefix: string) => fetchCalls(fetchMock).filter(([url]) => url.startsWith(prefix));

async function openGrid(path = '/planning/projects?start=2026-11-22&weeks=8&department=3&sub=1', role: 'manager' | 'user' = 'manager') {
  const rendered = renderRoute(path, { session: makeMe({ role }) });
  const grid = await screen.findByRole('grid');
  return { grid, router: rendered.router };
}

describe('ProjectGridPage', () => {
  it('asks once for the project grid and once for the deliverables of its window', async () => {
    const fetchMock = stubApi();
    await openGrid();
    await screen.findByRole('img', { name: 'IFP 95% due Tue 12 Jan' });
    expect(callsTo(fetchMock, '/api/assignments/project-grid').map(([url]) => url)).toEqual([
      '/api/assignments/project-grid?weeks=8&start=2026-11-22&include=assignments&department=3&includeChildren=true&status=planning%2Cactive%2Cactive_ca',
    ]);
    expect(callsTo(fetchMock, '/api/deliverables/calendar').map(([url]) => url)).toEqual([
      '/api/deliverables/calendar?start=2026-11-22&end=2027-01-16',
    ]);
  });

  it('marks the weeks holding a project’s deliverables, completed ones differently', async () => {
    stubApi();
    const { grid } = await openGrid();
    const due = await within(grid).findByRole('img', { name: 'IFP 95% due Tue 12 Jan' });
    expect(due).toHaveTextContent('◆');
    expect(due.closest('[role="gridcell"]')).toHaveAttribute('aria-label', 'Bridge, Week of Jan 10, 2027: 0 hours planned, IFP 95% due Tue 12 Jan');
    const done = within(grid).getByRole('img', { name: 'SD 35% due Tue 24 Nov, completed' });
    expect(done).toHaveTextContent('✓');
    expect(done.closest('[role="gridcell"]')).toHaveAttribute('aria-label', expect.stringMatching(/^Bridge, Week of Nov 22, 2026: 30 hours planned/));
    expect(within(grid).getAllByRole('img')).toHaveLength(2);
  });

  it('expands a project and saves its people’s hours, typed with the keyboard, in one batch', async () => {
    const fetchMock = stubApi(() =>
      jsonResponse({
        results: [
          { assignmentId: 7, version: 3 },
          { assignmentId: 8, version: 5 },
        ],
      }),
    );
    const { grid, router } = await openGrid();
    grid.focus();
    press(grid, 'Enter');
    expect(await within(grid).findByRole('rowheader', { name: 'Ann Archer on Bridge' })).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('open')).toBe('5');
    press(grid, 'ArrowDown', 'ArrowRight', 'ArrowRight', '5');
    typeText('5');
    press(grid, 'Enter', '5');
    typeText('5');
    press(grid, 'Enter');
    // Optimistic: the cells show 5 and the project's total moved at once.
    expect(screen.getByLabelText('Ann Archer on Bridge, Week of Nov 29, 2026: 5 hours, saving')).toBeInTheDocument();
    expect(screen.getByLabelText('Bo Brown on Bridge, Week of Nov 29, 2026: 5 hours, saving')).toBeInTheDocument();
    expect(screen.getByLabelText('Bridge, Week of Nov 29, 2026: 10 hours planned')).toBeInTheDocument();
    await waitFor(() => expect(callsTo(fetchMock, '/api/assignments/hours')).toHaveLength(1));
    expect(JSON.parse(callsTo(fetchMock, '/api/assignments/hours')[0]![1].body as string)).toEqual({
      updates: [
        { assignmentId: 7, version: 2, weeklyHours: { '2026-11-29': 5 } },
        { assignmentId: 8, version: 4, weeklyHours: { '2026-11-29': 5 } },
      ],
    });
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(screen.getByLabelText('Ann Archer on Bridge, Week of Nov 29, 2026: 5 hours')).toBeInTheDocument();
  });

  it('fills a Shift+arrow range and clears it with Delete', async () => {
    const fetchMock = stubApi();
    const { grid } = await openGrid('/planning/projects?start=2026-11-22&weeks=8&open=5');
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight');
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true });
    press(grid, 'Delete');
    expect(screen.getByLabelText(/^Bridge, Week of Nov 22, 2026: 0 hours planned, SD 35%/)).toBeInTheDocument();
    await waitFor(() => expect(callsTo(fetchMock, '/api/assignments/hours')).toHaveLength(1));
    expect(JSON.parse(callsTo(fetchMock, '/api/assignments/hours')[0]![1].body as string)).toEqual({
      updates: [
        { assignmentId: 7, version: 2, weeklyHours: { '2026-11-22': 0 } },
        { assignmentId: 8, version: 4, weeklyHours: { '2026-11-22': 0 } },
      ],
    });
  });

  it('rolls back and explains a refused save', async () => {
    stubApi(() => problem(403, 'forbidden', 'You can only change your own hours.'));
    const { grid } = await openGrid('/planning/projects?start=2026-11-22&weeks=8&open=5');
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight', '8');
    typeText('8');
    press(grid, 'Enter');
    expect(screen.getByLabelText(/^Bridge, Week of Nov 22, 2026: 18 hours planned, SD 35%/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('toasts')).toHaveTextContent('Your change was not saved. You can only change your own hours.'));
    expect(screen.getByLabelText(/^Bridge, Week of Nov 22, 2026: 30 hours planned, SD 35%/)).toBeInTheDocument();
    expect(screen.getByText('Last change not saved')).toBeInTheDocument();
  });

  it('says when someone else changed the hours first (412) and reloads the grid', async () => {
    const fetchMock = stubApi(() => problem(412, 'precondition_failed', 'The row changed.'));
    const { grid } = await openGrid('/planning/projects?start=2026-11-22&weeks=8&open=5');
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight', '8');
    typeText('8');
    press(grid, 'Enter');
    await waitFor(() => expect(screen.getByTestId('toasts')).toHaveTextContent('someone else changed these hours meanwhile'));
    await waitFor(() => expect(callsTo(fetchMock, '/api/assignments/project-grid')).toHaveLength(2));
  });

  it('undoes the last edit with Ctrl+Z', async () => {
    stubApi();
    const { grid } = await openGrid('/planning/projects?start=2026-11-22&weeks=8&open=5');
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight', '8');
    typeText('8');
    press(grid, 'Enter');
    expect(screen.getByLabelText('Ann Archer on Bridge, Week of Nov 22, 2026: 8 hours, saving')).toBeInTheDocument();
    fireEvent.keyDown(grid, { key: 'z', ctrlKey: true });
    expect(screen.getByLabelText(/^Ann Archer on Bridge, Week of Nov 22, 2026: 20 hours/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Bridge, Week of Nov 22, 2026: 30 hours planned/)).toBeInTheDocument();
  });

  it('lets a plain user change only their own linked person’s hours', async () => {
    stubApi();
    renderRoute('/planning/projects?start=2026-11-22&weeks=8&open=5', { session: makeMe({ role: 'user', person: 1 }) });
    const grid = await screen.findByRole('grid');
    expect(grid).toHaveAttribute('aria-readonly', 'false');
    expect(screen.getByLabelText('Bo Brown on Bridge, Week of Nov 22, 2026: 10 hours')).toHaveAttribute('aria-readonly', 'true');
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowDown', 'ArrowRight', '8');
    expect(screen.queryByRole('textbox', { name: /Hours/ })).not.toBeInTheDocument();
    press(grid, 'ArrowUp', '8');
    expect(screen.getByRole('textbox', { name: 'Hours, Ann Archer on Bridge, Week of Nov 22, 2026' })).toBeInTheDocument();
  });

  it('renders only the rows in view of 600 projects', async () => {
    const projects = Array.from({ length: 600 }, (_, i) => ({ id: i + 1, name: `Project ${i + 1}`, projectNumber: null, client: '', status: 'active' }));
    mockFetch((url) => {
      if (url.startsWith('/api/assignments/project-grid')) return jsonResponse({ weekKeys: WEEKS, projects, hoursByProject: {}, assignments: [] });
      if (url.startsWith('/api/departments')) return jsonResponse(listPage([]));
      return jsonResponse([]);
    });
    const { grid } = await openGrid();
    expect(grid).toHaveAttribute('aria-rowcount', '601');
    expect(within(grid).getAllByRole('row').length).toBeLessThan(40);
    grid.scrollTop = 9000;
    fireEvent.scroll(grid);
    await waitFor(() => expect(within(grid).getAllByRole('row')[1]).toHaveAttribute('aria-rowindex', '292'));
    expect(within(grid).getAllByRole('row').length).toBeLessThan(40);
  });

  it('switches to the people grid keeping the window and filters, and is read-only for plain users', async () => {
    stubApi();
    const { grid } = await openGrid('/planning/projects?start=2026-11-22&weeks=8&department=3&sub=0&status=on_hold&q=bri&open=5', 'user');
    const views = screen.getByRole('navigation', { name: 'Planning view' });
    expect(within(views).getByRole('link', { name: 'Projects' })).toHaveAttribute('aria-current', 'page');
    expect(within(views).getByRole('link', { name: 'People' })).toHaveAttribute(
      'href',
      '/planning?start=2026-11-22&weeks=8&department=3&sub=0&status=on_hold',
    );
    expect(screen.getByRole('searchbox')).toHaveAttribute('placeholder', 'Search projects');
    expect(grid).toHaveAttribute('aria-readonly', 'true');
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight', '8');
    expect(screen.queryByRole('textbox', { name: /Hours/ })).not.toBeInTheDocument();
  });
});
