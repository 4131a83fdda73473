// The project grid's pure model: rows (projects, then their people when expanded),
// project totals with unsaved edits, row versions and the cache after a save.
import { describe, expect, it } from 'vitest';
import { applySaved, groupAssignments, groupTotal, overlayDeltas, versionsOf } from '../gridModel';
import type { ProjectGridData } from './projectGridApi';
import { BY_PROJECT, buildProjectRows } from './projectGridModel';

const W1 = '2026-11-22';
const W2 = '2026-11-29';

function data(): ProjectGridData {
  return {
    weekKeys: [W1, W2],
    projects: [
      { id: 5, name: 'Bridge', projectNumber: 'P-5', client: 'City', status: 'active' },
      { id: 6, name: 'Dam', projectNumber: null, client: '', status: 'planning' },
    ],
    hoursByProject: { '5': { [W1]: 30 } },
    assignments: [
      { id: 7, project: 5, person: 1, personName: 'Ann Archer', roleOnProject: 'Lead', version: 2, weeklyHours: { [W1]: 20 } },
      { id: 8, project: 5, person: 2, personName: 'Bo Brown', roleOnProject: '', version: 4, weeklyHours: { [W1]: 10 } },
      { id: 9, project: 6, person: 1, personName: 'Ann Archer', roleOnProject: '', version: 1, weeklyHours: {} },
    ],
  };
}

describe('buildProjectRows', () => {
  const grid = data();
  const byProject = groupAssignments(grid.assignments ?? [], BY_PROJECT.groupOf);

  it('lists every project with its people count, and its people only when expanded', () => {
    const rows = buildProjectRows(grid.projects, byProject, new Set([5]));
    expect(rows.map((row) => row.key)).toEqual(['p5', 'a7', 'a8', 'p6']);
    expect(rows[0]).toMatchObject({ kind: 'project', expanded: true, peopleCount: 2 });
    expect(rows[3]).toMatchObject({ kind: 'project', expanded: false, peopleCount: 1 });
    expect(rows[1]).toMatchObject({ kind: 'assignment', project: { id: 5 }, assignment: { personName: 'Ann Archer' } });
  });

  it('shows a project without people as a lone row even when expanded', () => {
    const rows = buildProjectRows(grid.projects, new Map(), new Set([5, 6]));
    expect(rows.map((row) => row.key)).toEqual(['p5', 'p6']);
    expect(rows[0]).toMatchObject({ peopleCount: 0 });
  });
});

describe('project totals', () => {
  it('adds unsaved edits to the server’s weekly totals of their project', () => {
    const grid = data();
    const byId = new Map((grid.assignments ?? []).map((row) => [row.id, row]));
    const overlay = new Map([
      [`7:${W1}`, 8],
      [`8:${W2}`, 4],
      [`9:${W2}`, 6],
      [`99:${W1}`, 5],
    ]);
    const deltas = overlayDeltas(overlay, byId, BY_PROJECT.groupOf);
    expect(groupTotal(BY_PROJECT, grid, 5, W1, deltas)).toBe(18);
    expect(groupTotal(BY_PROJECT, grid, 5, W2, deltas)).toBe(4);
    expect(groupTotal(BY_PROJECT, grid, 6, W2, deltas)).toBe(6);
    expect(groupTotal(BY_PROJECT, grid, 6, W1, new Map())).toBe(0);
  });
});

describe('applySaved by project', () => {
  it('writes the saved hours, moves the totals and takes the new versions', () => {
    const edits = [
      { assignmentId: 7, week: W1, hours: 0 },
      { assignmentId: 7, week: W2, hours: 7.5 },
      { assignmentId: 9, week: W1, hours: 3 },
    ];
    const before = data();
    const saved = applySaved(BY_PROJECT, before, edits, [
      { assignmentId: 7, version: 3 },
      { assignmentId: 9, version: 2 },
    ]);
    expect(saved.assignments?.[0]).toMatchObject({ id: 7, version: 3, weeklyHours: { [W2]: 7.5 } });
    expect(saved.assignments?.[0]?.weeklyHours).not.toHaveProperty(W1);
    expect(saved.assignments?.[1]).toBe(before.assignments?.[1]); // untouched rows stay as they were
    expect(saved.hoursByProject).toEqual({ '5': { [W1]: 10, [W2]: 7.5 }, '6': { [W1]: 3 } });
    expect(versionsOf(saved, 7)).toEqual([3]);
    expect(versionsOf(saved, 42)).toEqual([]);
  });
});
