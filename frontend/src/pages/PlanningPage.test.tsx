// The planning page with the API stubbed: the grid loads, a person expands, the legends
// explain the bands and the deliverable marks, the header's department filter narrows it,
// only the rows in view render and only the page in view loads, and an empty grid says
// how to start. Editing hours is in PlanningPage.editing.test.tsx.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../test/fixtures';
import { press } from '../test/gridKeys';
import { fetchCalls, renderRoute } from '../test/render';
import { gridData, openGrid, stubApi, WEEKS } from '../test/planningPage';

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
    // jsdom lays nothing out: give the grid the scroll height of its header and rows.
    Object.defineProperty(grid, 'scrollHeight', { value: 34 + 2000 * 30 });
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
