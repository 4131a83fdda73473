// Editing hours on the planning page with the API stubbed: typed with the keyboard and
// saved in one batch (totals move at once), bad input refused without a request, a
// refused save rolled back with the server's words, a mouse drag selecting a range to
// fill, Ctrl+Z walking edits back through the same saves (never to refused values),
// plain users read-only except their own linked person's hours, adding a project, and
// the toolbar opening the keyboard shortcuts.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, problem } from '../test/fixtures';
import { press, typeText } from '../test/gridKeys';
import { fetchCalls, renderRoute } from '../test/render';
import { bridge, gridData, openGrid, patches, savesAll, sentHours, stubApi, undoKey } from '../test/planningPage';

describe('PlanningPage: editing hours', () => {
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
});
