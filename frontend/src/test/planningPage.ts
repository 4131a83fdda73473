// The planning page's test stand: a small whole grid (two people, one assignment on
// Bridge), the API stubbed around it, opening the grid, and reading what was saved.
import { fireEvent, screen } from '@testing-library/react';
import { listPage, makeMe } from './fixtures';
import { answerGrid, type WholeGrid } from './gridServer';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from './render';

export const WEEKS = ['2026-11-22', '2026-11-29', '2026-12-06', '2026-12-13', '2026-12-20', '2026-12-27', '2027-01-03', '2027-01-10'];

export function gridData(): WholeGrid {
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

export function stubApi(patch: (body: unknown) => Response = () => jsonResponse({ results: [{ assignmentId: 7, version: 3 }] }), data = gridData()) {
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

export const patches = (fetchMock: ReturnType<typeof mockFetch>) => fetchCalls(fetchMock).filter(([url]) => url === '/api/assignments/hours');

export async function openGrid(role: 'manager' | 'user' = 'manager') {
  renderRoute('/planning?start=2026-11-22&weeks=8&open=1', { session: makeMe({ role }) });
  const grid = await screen.findByRole('grid');
  return grid;
}

/** Ctrl+Z where the keyboard is; answers whether the page left the key to the browser. */
export function undoKey() {
  return fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true });
}

/** PATCH answers with each row's version one higher, like the server. */
export function savesAll(body: unknown) {
  const { updates } = body as { updates: { assignmentId: number; version?: number }[] };
  return jsonResponse({ results: updates.map(({ assignmentId, version }) => ({ assignmentId, version: (version ?? 0) + 1 })) });
}

export const sentHours = (fetchMock: ReturnType<typeof mockFetch>) =>
  patches(fetchMock).map(([, init]) => (JSON.parse(init.body as string) as { updates: { weeklyHours: unknown }[] }).updates.map((update) => update.weeklyHours));

export const bridge = (week: string, hours: number) => screen.getByLabelText(new RegExp(`^Bridge, Week of ${week}: ${hours} hours`));
