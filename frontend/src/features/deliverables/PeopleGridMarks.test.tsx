// Deliverable marks in the people grid: an expanded person's assignment row marks the
// weeks its project has deliverables due, with the deliverable in the cell's name, from
// one calendar request for the grid's window.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CalendarDeliverable } from '../../api/deliverableCalendar';
import { listPage, makeMe } from '../../test/fixtures';
import { answerGrid, type WholeGrid } from '../../test/gridServer';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../../test/render';

const WEEKS = ['2026-11-22', '2026-11-29', '2026-12-06', '2026-12-13', '2026-12-20', '2026-12-27', '2027-01-03', '2027-01-10'];

const GRID: WholeGrid = {
  weekKeys: WEEKS,
  people: [{ id: 1, name: 'Ann Archer', weeklyCapacity: 36, department: null, departmentName: null }],
  hoursByPerson: { '1': { '2026-11-29': 8 } },
  assignments: [
    { id: 7, person: 1, project: 5, projectName: 'Bridge', projectStatus: 'active', roleOnProject: '', version: 2, weeklyHours: { '2026-11-29': 8 } },
    { id: 8, person: 1, project: 6, projectName: 'Dam', projectStatus: 'active', roleOnProject: '', version: 1, weeklyHours: {} },
  ],
};

const CALENDAR: CalendarDeliverable[] = [
  { id: 1, project: 5, projectName: 'Bridge', description: 'IFP', percentage: 95, date: '2026-12-01', sortOrder: 3, isCompleted: false, completedDate: null, notes: '', version: 1 },
];

describe('deliverable marks in the people grid', () => {
  it('marks the week of a project’s deliverable on that project’s row only', async () => {
    const fetchMock = mockFetch((url) => {
      if (url.startsWith('/api/assignments/grid')) return answerGrid(url, GRID);
      if (url.startsWith('/api/deliverables/calendar')) return jsonResponse(CALENDAR);
      if (url.startsWith('/api/departments')) return jsonResponse(listPage([]));
      return jsonResponse({}, 404);
    });
    renderRoute('/planning?start=2026-11-22&weeks=8&open=1', { session: makeMe({ role: 'manager' }) });
    const grid = await screen.findByRole('grid');
    const mark = await within(grid).findByRole('img', { name: 'IFP 95% due Tue 1 Dec' });
    expect(mark.closest('[role="gridcell"]')).toHaveAttribute('aria-label', 'Bridge, Week of Nov 29, 2026: 8 hours, IFP 95% due Tue 1 Dec');
    expect(within(grid).getAllByRole('img')).toHaveLength(1);
    const calendarCalls = fetchCalls(fetchMock).filter(([url]) => url.startsWith('/api/deliverables/calendar'));
    expect(calendarCalls.map(([url]) => url)).toEqual(['/api/deliverables/calendar?start=2026-11-22&end=2027-01-16']);
  });
});
