// The people grid a page at a time: pages merged by position with holes where a page
// has not loaded, placeholder rows for those people and for expanded people whose rows
// are on their way, which pages the rows in view need, rows merged into their page
// (never over a newer saved version), and a new assignment landing in its page only.
import { describe, expect, it } from 'vitest';
import type { GridAssignment, GridData, GridPerson } from '../../api/planning';
import { addAssignment, applySaved, BY_PERSON, groupAssignments } from './gridModel';
import { buildPagedRows, mergePages, pageOf, pagesInView, rowsWanted, withRows } from './gridPages';

const WEEKS = ['2026-11-22', '2026-11-29'];

const person = (id: number, assignmentCount = 0): GridPerson => ({
  id,
  name: `P${id}`,
  weeklyCapacity: 36,
  department: null,
  departmentName: null,
  assignmentCount,
});

const row = (id: number, personId: number, version = 1, hours = 4): GridAssignment => ({
  id,
  person: personId,
  project: 100 + id,
  projectName: `Project ${id}`,
  projectStatus: 'active',
  roleOnProject: '',
  version,
  weeklyHours: { '2026-11-22': hours },
});

/** Page `offset` of a 5-person grid in pages of 2. */
function page(offset: number, extra: Partial<GridData> = {}): GridData {
  const people = [1, 2, 3, 4, 5].slice(offset, offset + 2).map((id) => person(id, id === 3 ? 1 : 0));
  return { weekKeys: WEEKS, total: 5, offset, limit: 2, people, hoursByPerson: { '3': { '2026-11-22': 4 } }, ...extra };
}

describe('paged people grid', () => {
  it('places pages by position and leaves a placeholder for each person not loaded', () => {
    const grid = mergePages([page(0), page(4)])!;
    expect(grid.slots.map((p) => p?.id)).toEqual([1, 2, undefined, undefined, 5]);
    const rows = buildPagedRows(grid, new Map(), new Set(), true);
    expect(rows.map((r) => r.key)).toEqual(['p1', 'p2', 'x2', 'x3', 'p5']);
    expect(pagesInView(rows, 0, 5, 2)).toEqual([1]);
    expect(pagesInView(rows, 0, 2, 2)).toEqual([]);
    expect(pageOf(1234)).toBe(12);
  });

  it('ignores a page of another window kept while the next one loads', () => {
    const old = { ...page(2), total: 9 };
    expect(mergePages([page(0), old])!.slots.map((p) => p?.id)).toEqual([1, 2, undefined, undefined, undefined]);
    expect(mergePages([undefined])).toBeUndefined();
  });

  it('shows an expanded person’s rows once loaded, a placeholder until then, and their count from the server meanwhile', () => {
    const waiting = mergePages([page(2)])!;
    const rows = buildPagedRows(waiting, new Map(), new Set([3]), true);
    expect(rows.slice(2, 4).map((r) => r.key)).toEqual(['p3', 'r3']);
    expect(rows[2]).toMatchObject({ kind: 'person', assignmentCount: 1, expanded: true });
    expect(rowsWanted(page(2), new Set([3, 9]))).toEqual([3]);

    const loaded = withRows(page(2), [3], [row(7, 3)]);
    expect(rowsWanted(loaded, new Set([3]))).toEqual([]);
    const grid = mergePages([loaded])!;
    const shown = buildPagedRows(grid, groupAssignments(grid.assignments, (a) => a.person), new Set([3]), true);
    expect(shown.slice(2, 6).map((r) => r.key)).toEqual(['p3', 'a7', 'n3', 'p4']);
    expect(buildPagedRows(grid, groupAssignments(grid.assignments, (a) => a.person), new Set([3]), false).map((r) => r.key)).not.toContain('n3');
  });

  it('keeps a row saved meanwhile at its newer version when older rows arrive', () => {
    const held = withRows(page(2), [3], [row(7, 3, 1)]);
    const saved = applySaved(BY_PERSON, held, [{ assignmentId: 7, week: '2026-11-22', hours: 10 }], [{ assignmentId: 7, version: 2 }]);
    expect(saved.hoursByPerson['3']).toEqual({ '2026-11-22': 10 });
    const again = withRows(saved, [3], [row(7, 3, 1), row(8, 3, 1)]);
    expect(again.assignments!.map((a) => [a.id, a.version, a.weeklyHours['2026-11-22']])).toEqual([
      [7, 2, 10],
      [8, 1, 4],
    ]);
    expect(again.rowsOf).toEqual([3]);
  });

  it('adds a new assignment to the page holding its person’s rows, else to their count', () => {
    const created = { id: 9, person: 3, personName: 'Cy', project: 6, projectName: 'Dam', roleOnProject: '', notes: '', isActive: true, version: 1, weeklyHours: {} };
    const withTheirRows = addAssignment(withRows(page(2), [3], [row(7, 3)]), created, 'active');
    expect(withTheirRows.assignments!.map((a) => a.id)).toEqual([7, 9]);
    const without = addAssignment(page(2), created, 'active');
    expect(without.assignments).toBeUndefined();
    expect(without.people.find((p) => p.id === 3)?.assignmentCount).toBe(2);
    expect(addAssignment(page(0), created, 'active')).toEqual(page(0));
  });
});
