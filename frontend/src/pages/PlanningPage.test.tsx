// The planning page with the API stubbed: the grid loads, a person expands, hours are
// typed with the keyboard and saved in one batch (totals move at once), bad input is
// refused without a request, a refused save rolls back with the server's words, a
// mouse drag selects a range to fill, Ctrl+Z walks edits back through the same saves
// (never to refused values), plain users get a read-only grid except their own linked
// person's hours, the toolbar opens the keyboard shortcuts, and the legends explain
// the bands and the deliverable marks.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listPage, makeMe, problem } from '../test/fixtures';
import { answerGrid, type WholeGrid } from '../test/gridServer';
import { press, typeText } from '../test/gridKeys';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

const WEEKS = ['2026-11-22', '2026-11-29', '2026-12-06', '2026-12-13', '2026-12-20', '2026-12-27', '2027-01-03', '2027-01-10'];

function gridData(): WholeGrid {
  return {
    weekKeys: WEEKS,
    people: [
      { id: 1, name: 'Ann Archer', weeklyCapacity: 36, department: 3, departmentName: 'Civil' },
      { id: 2, name: 'Bo Brown', weeklyCapacity: 40, department: 3, departmentName: 'Civil' },
    ],
    hoursByPerson: { '1': { '2026-11-22': 30 } },
    assignments: [
      { id: 7, person: 1, project: 5, projectName: 'Bridge', projectStatus: 'active', roleOnProject: '', version: 2, weeklyHours: { '2026-11-22': 30 } },
    ],
  };
}

function stubApi(patch: (body: unknown) => Response = () => jsonResponse({ results: [{ assignmentId: 7, version: 3 }] }), data = gridData()) {
  return mockFetch((url, init) => {
    if (url.startsWith('/api/assignments/grid')) return answerGrid(url, data);
    if (url.startsWith('/api/projects')) return jsonResponse(listPage([{ id: 6, name: 'Dam', projectNumber: 'P-6', client: 'City', status: 'active' }]));
    if (url === '/api/assignments' && init.method === 'POST') {
      return jsonResponse({ id: 9, person: 1, project: 6, projectName: 'Dam', roleOnProject: '', version: 1, weeklyHours: {} }, 201);
    }
    if (url.startsWith('/api/departments')) return jsonResponse(listPage([]));
    if (url === '/api/assignments/hours') return patch(JSON.parse(init.body as string));
    return jsonResponse({}, 404);
  });
}

const patches = (fetchMock: ReturnType<typeof mockFetch>) => fetchCalls(fetchMock).filter(([url]) => url === '/api/assignments/hours');

async function openGrid(role: 'manager' | 'user' = 'manager') {
  renderRoute('/planning?start=2026-11-22&weeks=8&open=1', { session: makeMe({ role }) });
  const grid = await screen.findByRole('grid');
  return grid;
}

/** Ctrl+Z where the keyboard is; answers whether the page left the key to the browser. */
function undoKey() {
  return fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true });
}

/** PATCH answers with each row's version one higher, like the server. */
function savesAll(body: unknown) {
  const { updates } = body as { updates: { assignmentId: number; version?: number }[] };
  return jsonResponse({ results: updates.map(({ assignmentId, version }) => ({ assignmentId, version: (version ?? 0) + 1 })) });
}

const sentHours = (fetchMock: ReturnType<typeof mockFetch>) =>
  patches(fetchMock).map(([, init]) => (JSON.parse(init.body as string) as { updates: { weeklyHours: unknown }[] }).updates.map((update) => update.weeklyHours));

const bridge = (week: string, hours: number) => screen.getByLabelText(new RegExp(`^Bridge, Week of ${week}: ${hours} hours`));

describe('PlanningPage', () => {
  it('asks for the first page of people with the URL state, then the expanded person’s rows', async () => {
    const fetchMock = stubApi();
    await openGrid();
    await screen.findByRole('rowheader', { name: 'Bridge' });
    const gridUrls = fetchCalls(fetchMock)
      .map(([url]) => url)
      .filter((url) => url.startsWith('/api/assignments/grid'));
    expect(gridUrls).toEqual([
      '/api/assignments/grid?weeks=8&start=2026-11-22&offset=0&limit=100&status=planning%2Cactive%2Cactive_ca',
      '/api/assignments/grid/rows?people=1&weeks=8&start=2026-11-22&status=planning%2Cactive%2Cactive_ca',
    ]);
  });

  it('loads a person’s rows when they are expanded, and keeps them when collapsed and expanded again', async () => {
    const fetchMock = stubApi();
    renderRoute('/planning?start=2026-11-22&weeks=8', { session: makeMe({ role: 'manager' }) });
    await screen.findByRole('grid');
    const rowsCalls = () => fetchCalls(fetchMock).filter(([url]) => url.startsWith('/api/assignments/grid/rows'));
    expect(rowsCalls()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Show Ann Archer’s projects' }));
    expect(await screen.findByRole('rowheader', { name: 'Bridge' })).toBeInTheDocument();
    expect(rowsCalls().map(([url]) => url)).toEqual(['/api/assignments/grid/rows?people=1&weeks=8&start=2026-11-22&status=planning%2Cactive%2Cactive_ca']);
    fireEvent.click(screen.getByRole('button', { name: 'Hide Ann Archer’s projects' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show Ann Archer’s projects' }));
    expect(await screen.findByRole('rowheader', { name: 'Bridge' })).toBeInTheDocument();
    expect(rowsCalls()).toHaveLength(1);
  });

  it('shows the keys to the utilization bands and the deliverable marks, and why marks are missing', async () => {
    stubApi(); // the deliverable calendar answers 404 here
    await openGrid();
    const bands = screen.getByRole('list', { name: 'Utilization bands' });
    expect(within(bands).getAllByRole('listitem').length).toBeGreaterThan(1);
    const marks = screen.getByRole('list', { name: 'Deliverable marks' });
    expect(within(marks).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['◆Deliverable due that week', '✓Deliverable completed']);
    expect(await screen.findByText(/^Deliverable dates are not shown: /)).toBeInTheDocument();
  });

  it('narrows the grid to the header\'s department filter, its only department control', async () => {
    const fetchMock = stubApi();
    renderRoute('/planning?start=2026-11-22&weeks=8&department=3&sub=0', { session: makeMe({ role: 'manager' }) });
    await screen.findByRole('grid');
    const [gridUrl] = fetchCalls(fetchMock).find(([url]) => url.startsWith('/api/assignments/grid'))!;
    expect(gridUrl).toContain('department=3&includeChildren=false');
    const filters = screen.getByRole('group', { name: 'Planning filters' });
    expect(within(filters).queryByRole('combobox', { name: /Department/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('checkbox', { name: 'Include sub-departments' })).toHaveLength(1);
  });

  it('edits hours with the keyboard and saves them in one batch', async () => {
    const fetchMock = stubApi();
    const grid = await openGrid();
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight', '8');
    typeText('8');
    press(grid, 'Tab', '9');
    typeText('9');
    press(grid, 'Enter');
    // Optimistic: the total moved from 30 to 8 at once and the new week shows 9.
    expect(screen.getByLabelText(/Ann Archer, Week of Nov 22, 2026: 8 of 36 hours/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Bridge, Week of Nov 29, 2026: 9 hours, saving/)).toBeInTheDocument();
    await waitFor(() => expect(patches(fetchMock)).toHaveLength(1));
    expect(JSON.parse(patches(fetchMock)[0]![1].body as string)).toEqual({
      updates: [{ assignmentId: 7, version: 2, weeklyHours: { '2026-11-22': 8, '2026-11-29': 9 } }],
    });
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
  });

  it('refuses bad hours without sending them', async () => {
    const fetchMock = stubApi();
    const grid = await openGrid();
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight', '1');
    typeText('169');
    press(grid, 'Enter');
    expect(screen.getByRole('alert')).toHaveTextContent('Hours must be between 0 and 168.');
    expect(screen.getByRole('textbox', { name: /Hours, Bridge/ })).toHaveAttribute('aria-invalid', 'true');
    press(grid, 'Escape');
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(patches(fetchMock)).toHaveLength(0);
  });

  it('rolls back and explains a refused save', async () => {
    stubApi(() =>
      problem(400, 'invalid_fields', 'Some fields are invalid.', {
        errors: [{ field: 'updates[0].weeklyHours.2026-11-22', code: 'hours_out_of_range', message: 'Hours must be 0 to 168.' }],
      }),
    );
    const grid = await openGrid();
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight', 'Delete');
    expect(screen.getByLabelText(/Ann Archer, Week of Nov 22, 2026: 0 of 36/)).toBeInTheDocument();
    const toasts = screen.getByTestId('toasts');
    await waitFor(() => expect(toasts).toHaveTextContent('Your change was not saved. Week of Nov 22, 2026: Hours must be 0 to 168.'));
    expect(screen.getByLabelText(/Ann Archer, Week of Nov 22, 2026: 30 of 36/)).toBeInTheDocument();
  });

  it('marks over-allocated weeks by text, not colour alone, and is read-only for plain users', async () => {
    stubApi();
    const grid = await openGrid('user');
    const row = within(grid).getAllByRole('row')[1]!;
    expect(within(row).getByLabelText(/30 of 36 hours, 83%, Optimal/)).toBeInTheDocument();
    expect(grid).toHaveAttribute('aria-readonly', 'true');
    expect(screen.queryByRole('button', { name: '+ Add project' })).not.toBeInTheDocument();
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight', '8');
    expect(screen.queryByRole('textbox', { name: /Hours/ })).not.toBeInTheDocument();
  });

  it('adds a project to a person from the typeahead', async () => {
    const fetchMock = stubApi();
    const grid = await openGrid();
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowDown', 'Enter');
    const search = screen.getByRole('combobox', { name: 'Add a project to Ann Archer' });
    fireEvent.change(search, { target: { value: 'da' } });
    // The search waits out its typing pause first; a busy test machine needs the margin.
    await screen.findByRole('option', { name: /Dam/ }, { timeout: 3000 });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(await screen.findByRole('rowheader', { name: 'Dam' }, { timeout: 3000 })).toBeInTheDocument();
    const post = fetchCalls(fetchMock).find(([url, init]) => url === '/api/assignments' && init.method === 'POST')!;
    expect(JSON.parse(post[1].body as string)).toEqual({ person: 1, project: 6 });
    expect(document.activeElement).toBe(grid);
  });

  it('drag-selects a range with the mouse and fills it', async () => {
    const fetchMock = stubApi(savesAll);
    const grid = await openGrid();
    // jsdom lays nothing out: give the grid a 900 x 600 client area at the page's corner.
    Object.defineProperties(grid, { clientWidth: { value: 900 }, clientHeight: { value: 600 } });
    grid.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 900, height: 600 });
    fireEvent.mouseDown(bridge('Nov 22, 2026', 30), { button: 0 });
    // Row 1 starts 34 + 30 px down; the third week 260 + 2 x 64 px across.
    fireEvent.mouseMove(window, { clientX: 400, clientY: 80, buttons: 1 });
    fireEvent.mouseUp(window);
    fireEvent.mouseMove(window, { clientX: 600, clientY: 80, buttons: 0 });
    const selected = within(grid).getAllByRole('gridcell', { selected: true });
    expect(selected.map((cell) => cell.getAttribute('aria-label')?.split(':')[0])).toEqual([
      'Bridge, Week of Nov 22, 2026',
      'Bridge, Week of Nov 29, 2026',
      'Bridge, Week of Dec 6, 2026',
    ]);
    expect(grid).toHaveFocus();
    press(grid, '6');
    typeText('6');
    press(grid, 'Enter');
    await waitFor(() => expect(patches(fetchMock)).toHaveLength(1));
    expect(sentHours(fetchMock)).toEqual([[{ '2026-11-22': 6, '2026-11-29': 6, '2026-12-06': 6 }]]);
  });

  it('undoes typed ranges and single cells one by one with Ctrl+Z, saving each undo', async () => {
    const fetchMock = stubApi(savesAll);
    const grid = await openGrid();
    grid.focus();
    // One action: 6 typed into a two-week range.
    press(grid, 'ArrowDown', 'ArrowRight');
    fireEvent.keyDown(grid, { key: 'ArrowRight', shiftKey: true });
    press(grid, '6');
    typeText('6');
    // Ctrl+Z inside the editor stays the browser's text undo.
    expect(undoKey()).toBe(true);
    press(grid, 'Enter');
    await waitFor(() => expect(patches(fetchMock)).toHaveLength(1));
    // A second action: the range shrunk to its last cell, which is cleared.
    press(grid, 'Escape', 'Delete');
    await waitFor(() => expect(patches(fetchMock)).toHaveLength(2));
    await screen.findByText('All changes saved');

    expect(undoKey()).toBe(false);
    expect(bridge('Nov 29, 2026', 6)).toHaveTextContent('6');
    await waitFor(() => expect(patches(fetchMock)).toHaveLength(3));
    expect(undoKey()).toBe(false);
    expect(bridge('Nov 22, 2026', 30)).toHaveTextContent('30');
    expect(bridge('Nov 29, 2026', 0)).toHaveTextContent('');
    await waitFor(() => expect(patches(fetchMock)).toHaveLength(4));
    expect(sentHours(fetchMock)).toEqual([
      [{ '2026-11-22': 6, '2026-11-29': 6 }],
      [{ '2026-11-29': 0 }],
      [{ '2026-11-29': 6 }],
      [{ '2026-11-22': 30, '2026-11-29': 0 }],
    ]);
    // Nothing left to undo: no request.
    undoKey();
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(patches(fetchMock)).toHaveLength(4);
  });

  it('never brings back refused values with Ctrl+Z', async () => {
    const fetchMock = stubApi(() => problem(403, 'forbidden', 'You may not change these hours.'));
    const grid = await openGrid();
    grid.focus();
    // Two actions on one cell go out in one batch, which is refused.
    press(grid, 'ArrowDown', 'ArrowRight', '8');
    typeText('8');
    press(grid, 'Enter', 'ArrowUp', '5');
    typeText('5');
    press(grid, 'Enter');
    await waitFor(() => expect(screen.getByTestId('toasts')).toHaveTextContent('Your change was not saved.'));
    expect(bridge('Nov 22, 2026', 30)).toBeInTheDocument();
    grid.focus();
    undoKey();
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(patches(fetchMock)).toHaveLength(1);
    expect(bridge('Nov 22, 2026', 30)).toBeInTheDocument();
  });

  it('lets a plain user change only their own linked person’s hours', async () => {
    const data = gridData();
    data.hoursByPerson['2'] = { '2026-11-22': 4 };
    data.assignments!.push({ id: 8, person: 2, project: 6, projectName: 'Dam', projectStatus: 'active', roleOnProject: '', version: 1, weeklyHours: { '2026-11-22': 4 } });
    const fetchMock = stubApi(savesAll, data);
    renderRoute('/planning?start=2026-11-22&weeks=8&open=1,2', { session: makeMe({ role: 'user', person: 1 }) });
    const grid = await screen.findByRole('grid');
    expect(grid).toHaveAttribute('aria-readonly', 'false');
    expect(screen.getByText(/You can change the hours of your own projects/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '+ Add project' })).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Dam, Week of Nov 22, 2026: 4 hours/)).toHaveAttribute('aria-readonly', 'true');
    expect(bridge('Nov 22, 2026', 30)).not.toHaveAttribute('aria-readonly');
    grid.focus();
    // Rows: Ann, Bridge, Bo, Dam. Someone else's row takes no typing and no Delete.
    press(grid, 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', '8', 'Delete');
    expect(screen.queryByRole('textbox', { name: /Hours/ })).not.toBeInTheDocument();
    press(grid, 'ArrowUp', 'ArrowUp', '9');
    typeText('9');
    press(grid, 'Enter');
    await waitFor(() => expect(patches(fetchMock)).toHaveLength(1));
    expect(sentHours(fetchMock)).toEqual([[{ '2026-11-22': 9 }]]);
  });

  it('opens the keyboard shortcuts from the toolbar', async () => {
    stubApi();
    await openGrid();
    fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts (?)' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('renders only the rows in view of 2,000 people x 26 weeks', async () => {
    const weekKeys = Array.from({ length: 26 }, (_, i) => new Date(Date.UTC(2026, 10, 22 + 7 * i)).toISOString().slice(0, 10));
    const people = Array.from({ length: 2000 }, (_, i) => ({ id: i + 1, name: `Person ${i + 1}`, weeklyCapacity: 36, department: null, departmentName: null }));
    stubApi(undefined, { weekKeys, people, hoursByPerson: {}, assignments: [] });
    renderRoute('/planning?start=2026-11-22&weeks=26', { session: makeMe({ role: 'manager' }) });
    const grid = await screen.findByRole('grid');
    expect(grid).toHaveAttribute('aria-rowcount', '2001');
    const rendered = within(grid).getAllByRole('row');
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[1]).toHaveAttribute('aria-rowindex', '2');
    grid.focus();
    press(grid, ...Array<string>(30).fill('ArrowDown'));
    expect(grid).toHaveAttribute('aria-activedescendant', 'plan-cell-30-0');
    expect(grid.scrollTop).toBeGreaterThan(0);
    // jsdom re-renders 30 screens of rows here; on a busy machine that can pass 5 s.
  }, 20_000);

  it('loads the page of people scrolled into view, and only that one', async () => {
    const weekKeys = WEEKS;
    const people = Array.from({ length: 2000 }, (_, i) => ({ id: i + 1, name: `Person ${i + 1}`, weeklyCapacity: 36, department: null, departmentName: null }));
    const fetchMock = stubApi(undefined, { weekKeys, people, hoursByPerson: { '1234': { '2026-11-22': 12 } } });
    renderRoute('/planning?start=2026-11-22&weeks=8', { session: makeMe({ role: 'manager' }) });
    const grid = await screen.findByRole('grid');
    const pages = () =>
      fetchCalls(fetchMock)
        .map(([url]) => url)
        .filter((url) => url.startsWith('/api/assignments/grid?'))
        .map((url) => new URL(url, 'http://localhost').searchParams.get('offset'));
    expect(pages()).toEqual(['0']);
    // Row 1,233 (30 px rows below a 34 px header) is Person 1234, on the page from 1,200.
    act(() => {
      grid.scrollTop = 34 + 1233 * 30 - 34;
      fireEvent.scroll(grid);
    });
    expect(await within(grid).findByLabelText(/^Person 1234, Week of Nov 22, 2026: 12 of 36 hours/)).toBeInTheDocument();
    expect(pages()).toEqual(['0', '1200']);
  });
});

describe('planning page: empty', () => {
  it('links managers to the people import when no one is planned yet, and tells others to import', async () => {
    stubApi(undefined, { ...gridData(), people: [], hoursByPerson: {}, assignments: [] });
    renderRoute('/planning?start=2026-11-22&weeks=8', { session: makeMe({ role: 'manager' }) });
    const link = await screen.findByRole('link', { name: 'import them from a spreadsheet' });
    expect(link).toHaveAttribute('href', '/import?kind=people');
    expect(link.closest('p')).toHaveTextContent('Add people on the People page, or import them from a spreadsheet, to start planning.');
  });

  it('gives plain users the words without the link', async () => {
    stubApi(undefined, { ...gridData(), people: [], hoursByPerson: {}, assignments: [] });
    renderRoute('/planning?start=2026-11-22&weeks=8', { session: makeMe({ role: 'user' }) });
    expect(await screen.findByText('Add people on the People page, or import them, to start planning.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /import them/ })).not.toBeInTheDocument();
  });
});
