// Unit tests of the planning grid's pure parts: selection, the hours parser, URL state
// and the grid model (including where undone cells sit).
import { describe, expect, it } from 'vitest';
import type { GridData } from '../../api/planning';
import { applySaved, BY_PERSON, groupAssignments, groupTotal, overlayDeltas, rangeOfEdits } from './gridModel';
import { buildPagedRows, mergePages } from './gridPages';
import { parseHours } from './hoursInput';
import { readParams, writeParams } from '../../shared/links/planningParams';
import { cellsOf, collapsed, moveSelection, selectionRect } from './selection';
import { addWeeks, isWeekKey, sundayOf } from '../../ui/weeks';

describe('selection', () => {
  const bounds = { rows: 5, cols: 4 };

  it('moves, collapses and stays inside the bounds', () => {
    const start = collapsed({ row: 0, col: 0 });
    expect(moveSelection(start, 'up', bounds)).toEqual(start);
    expect(moveSelection(start, 'right', bounds)).toEqual(collapsed({ row: 0, col: 1 }));
    expect(moveSelection(collapsed({ row: 4, col: 3 }), 'down', bounds)).toEqual(collapsed({ row: 4, col: 3 }));
  });

  it('extends a rectangle with Shift and lists its cells', () => {
    let selection = collapsed({ row: 2, col: 2 });
    selection = moveSelection(selection, 'left', bounds, true);
    selection = moveSelection(selection, 'down', bounds, true);
    expect(selection.anchor).toEqual({ row: 2, col: 2 });
    expect(selectionRect(selection)).toEqual({ top: 2, bottom: 3, left: 1, right: 2 });
    expect(cellsOf(selection)).toEqual([
      { row: 2, col: 1 },
      { row: 2, col: 2 },
      { row: 3, col: 1 },
      { row: 3, col: 2 },
    ]);
    expect(moveSelection(selection, 'up', bounds)).toEqual(collapsed({ row: 2, col: 1 }));
  });
});

describe('parseHours', () => {
  it.each([
    ['8', 8],
    ['7.5', 7.5],
    ['0', 0],
    ['', 0],
    ['  ', 0],
    ['168', 168],
    ['7,25', 7.25],
  ])('accepts %j as %d', (text, hours) => {
    expect(parseHours(text)).toEqual({ ok: true, hours });
  });

  it.each(['169', '-1', '8.123', 'abc', '1e2', 'Infinity', 'NaN'])('refuses %j with a message', (text) => {
    const parsed = parseHours(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).not.toBe('');
  });
});

describe('weeks', () => {
  it('names weeks by their Sunday', () => {
    expect(sundayOf(new Date('2026-11-25T15:00:00Z'))).toBe('2026-11-22');
    expect(sundayOf(new Date('2026-11-22T00:00:00Z'))).toBe('2026-11-22');
    expect(addWeeks('2026-12-27', 1)).toBe('2027-01-03');
    expect(isWeekKey('2026-11-22')).toBe(true);
    expect(isWeekKey('2026-11-24')).toBe(false);
    expect(isWeekKey('2026-02-30')).toBe(false);
  });
});

describe('URL state', () => {
  const today = new Date('2026-11-25T12:00:00Z');

  it('round-trips every setting', () => {
    const params = {
      start: '2026-11-29',
      weeks: 26,
      department: 3,
      includeChildren: false,
      status: 'active,active_ca',
      search: 'ann',
      open: [4, 9],
    };
    const query = writeParams(params);
    expect(query.toString()).toBe('start=2026-11-29&weeks=26&department=3&sub=0&status=active%2Cactive_ca&q=ann&open=4%2C9');
    expect(readParams(new URLSearchParams(query.toString()), today)).toEqual(params);
  });

  it('falls back to defaults for missing or bad values', () => {
    const params = readParams(new URLSearchParams('start=2026-11-24&weeks=13&department=x&status=bogus&open=a,5'), today);
    expect(params).toEqual({
      start: '2026-11-22',
      weeks: 12,
      department: null,
      includeChildren: true,
      status: 'planning,active,active_ca',
      search: '',
      open: [5],
    });
    expect(writeParams(params).toString()).toBe('start=2026-11-22&weeks=12&open=5');
  });
});

describe('grid model', () => {
  const data: GridData = {
    weekKeys: ['2026-11-22', '2026-11-29'],
    total: 2,
    offset: 0,
    limit: 100,
    rowsOf: [1, 2],
    people: [
      { id: 1, name: 'Ann', weeklyCapacity: 36, department: null, departmentName: null, assignmentCount: 2 },
      { id: 2, name: 'Bo', weeklyCapacity: 40, department: null, departmentName: null, assignmentCount: 0 },
    ],
    hoursByPerson: { '1': { '2026-11-22': 10 } },
    assignments: [
      { id: 7, person: 1, project: 3, projectName: 'Bridge', projectStatus: 'active', roleOnProject: '', version: 2, weeklyHours: { '2026-11-22': 6 } },
      { id: 8, person: 1, project: 4, projectName: 'Dam', projectStatus: 'active', roleOnProject: '', version: 1, weeklyHours: { '2026-11-22': 4 } },
    ],
  };
  const byPerson = groupAssignments(data.assignments!, BY_PERSON.groupOf);
  const buildRows = (open: ReadonlySet<number>, canEdit: boolean) => buildPagedRows(mergePages([data]), byPerson, open, canEdit);

  it('lists assignment rows and the add row only under expanded people', () => {
    expect(buildRows(new Set(), true).map((row) => row.key)).toEqual(['p1', 'p2']);
    expect(buildRows(new Set([1]), true).map((row) => row.key)).toEqual(['p1', 'a7', 'a8', 'n1', 'p2']);
    expect(buildRows(new Set([1]), false).map((row) => row.key)).toEqual(['p1', 'a7', 'a8', 'p2']);
  });

  it('adds unsaved edits to the totals', () => {
    const byId = new Map(data.assignments!.map((assignment) => [assignment.id, assignment]));
    const deltas = overlayDeltas(new Map([['7:2026-11-22', 8], ['8:2026-11-29', 30]]), byId, BY_PERSON.groupOf);
    expect(groupTotal(BY_PERSON, data, 1, '2026-11-22', deltas)).toBe(12);
    expect(groupTotal(BY_PERSON, data, 1, '2026-11-29', deltas)).toBe(30);
    expect(groupTotal(BY_PERSON, data, 2, '2026-11-22', deltas)).toBe(0);
  });

  it('finds the range of the shown cells an undo put back', () => {
    const rows = buildRows(new Set([1]), true);
    const edits = [
      { assignmentId: 8, week: '2026-11-29', hours: 0 },
      { assignmentId: 7, week: '2026-11-22', hours: 6 },
      { assignmentId: 99, week: '2026-11-22', hours: 1 },
    ];
    expect(rangeOfEdits(rows, data.weekKeys, edits)).toEqual({ anchor: { row: 1, col: 1 }, focus: { row: 2, col: 2 } });
    expect(rangeOfEdits(buildRows(new Set(), true), data.weekKeys, edits)).toBeNull();
  });

  it('writes a saved batch into the data: hours, totals and versions', () => {
    const saved = applySaved(
      BY_PERSON,
      data,
      [
        { assignmentId: 7, week: '2026-11-22', hours: 0 },
        { assignmentId: 7, week: '2026-11-29', hours: 8 },
      ],
      [{ assignmentId: 7, version: 3 }],
    );
    expect(saved.assignments![0]).toMatchObject({ version: 3, weeklyHours: { '2026-11-29': 8 } });
    expect(saved.hoursByPerson['1']).toEqual({ '2026-11-22': 4, '2026-11-29': 8 });
    expect(saved.assignments![1]).toBe(data.assignments![1]);
  });
});
