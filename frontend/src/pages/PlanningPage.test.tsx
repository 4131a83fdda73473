// The planning page with the API stubbed: the grid loads, a person expands, hours are
// typed with the keyboard and saved in one batch (totals move at once), bad input is
// refused without a request, a refused save rolls back with the server's words, and
// plain users get a read-only grid.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GridData } from '../api/planning';
import { listPage, makeMe, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

const WEEKS = ['2026-11-22', '2026-11-29', '2026-12-06', '2026-12-13', '2026-12-20', '2026-12-27', '2027-01-03', '2027-01-10'];

function gridData(): GridData {
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
    if (url.startsWith('/api/assignments/grid')) return jsonResponse(data);
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

function press(grid: HTMLElement, ...keys: string[]) {
  for (const key of keys) {
    const target = document.activeElement instanceof HTMLInputElement ? document.activeElement : grid;
    fireEvent.keyDown(target, { key });
  }
}

function type(text: string) {
  fireEvent.change(document.activeElement!, { target: { value: text } });
}

describe('PlanningPage', () => {
  it('asks for the grid in one request with the URL state', async () => {
    const fetchMock = stubApi();
    await openGrid();
    const [gridUrl] = fetchCalls(fetchMock).find(([url]) => url.startsWith('/api/assignments/grid'))!;
    expect(gridUrl).toBe('/api/assignments/grid?weeks=8&start=2026-11-22&include=assignments&status=planning%2Cactive%2Cactive_ca');
  });

  it('edits hours with the keyboard and saves them in one batch', async () => {
    const fetchMock = stubApi();
    const grid = await openGrid();
    grid.focus();
    press(grid, 'ArrowDown', 'ArrowRight', '8');
    type('8');
    press(grid, 'Tab', '9');
    type('9');
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
    type('169');
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
    await screen.findByRole('option', { name: /Dam/ });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(await screen.findByRole('rowheader', { name: 'Dam' })).toBeInTheDocument();
    const post = fetchCalls(fetchMock).find(([url, init]) => url === '/api/assignments' && init.method === 'POST')!;
    expect(JSON.parse(post[1].body as string)).toEqual({ person: 1, project: 6 });
    expect(document.activeElement).toBe(grid);
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
  });
});
