// The deliverables tests' stand: the project page of Bridge with its four default
// deliverables served, writes handed to the test, and reading the table and what was sent.
import { screen, within } from '@testing-library/react';
import type { Deliverable } from '../../api/deliverables';
import { makeMe } from '../../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../../test/render';
import { makeProject, serveApi } from '../../test/peopleData';

export const manager = makeMe({ role: 'manager' });

export function makeDeliverable(id: number, description: string, percentage: number, sortOrder: number): Deliverable {
  return {
    id, project: 4, projectName: 'Bridge', description, percentage, date: null, sortOrder,
    isCompleted: false, completedDate: null, notes: '', version: 3,
  };
}

export type Write = (url: URL, init: RequestInit, rows: Deliverable[]) => Response;

/** Answers the project page: Bridge, nobody on it, and the four default deliverables. */
export function serveBridge(write: Write = () => jsonResponse({})) {
  const rows = [
    makeDeliverable(11, 'SD', 35, 0),
    makeDeliverable(12, 'DD', 75, 1),
    makeDeliverable(13, 'IFP', 95, 2),
    makeDeliverable(14, 'IFC', 100, 3),
  ];
  const fetchMock = serveApi((url, init) => {
    if (init.method) return write(url, init, rows);
    if (url.pathname === '/api/projects/4') return jsonResponse(makeProject({ id: 4, name: 'Bridge' }));
    if (url.pathname === '/api/deliverables') return jsonResponse(rows);
    if (url.pathname === '/api/assignments') return jsonResponse({ items: [], page: 1, pageSize: 500, total: 0 });
    return undefined;
  });
  return { fetchMock, rows };
}

/** A PATCH answered by merging the body into the row and bumping its version. */
export function patched(url: URL, init: RequestInit, rows: Deliverable[], extra: Partial<Deliverable> = {}) {
  const id = Number(url.pathname.split('/').pop());
  const index = rows.findIndex((row) => row.id === id);
  const row = { ...rows[index]!, ...(JSON.parse(init.body as string) as Partial<Deliverable>), ...extra };
  rows[index] = { ...row, version: row.version + 1 };
  return jsonResponse(rows[index]);
}

export const writes = (fetchMock: ReturnType<typeof serveBridge>['fetchMock']) => fetchCalls(fetchMock).filter(([, init]) => init.method);

export async function openBridge(session = manager) {
  renderRoute('/projects/4', { session });
  return screen.findByRole('table', { name: 'Deliverables' });
}

export const rowNames = (table: HTMLElement) =>
  within(table).getAllByRole('row').slice(1).map((row) => within(row).getByRole('rowheader').textContent?.replace(/^Edit .*: /, ''));
