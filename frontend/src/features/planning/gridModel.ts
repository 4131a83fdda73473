// The grid's data model, pure: the kinds of rows (a person, then their assignments and
// the "Add project" row when expanded; gridPages.ts lays them out a page at a time),
// cell values with unsaved edits laid over the server's, where edited cells sit in the
// rows, and cache updates after a new
// assignment. Weekly totals with unsaved edits and the cache after a save are written
// once for both grids, over a grouping (HoursGrouping): by person here, by project in the
// project grid (projectGridModel.ts).
import type { Assignment } from '../../api/assignments';
import type { GridAssignment, GridData, GridPerson, HoursResult, WeekHours } from '../../api/planning';
import type { CellPos, Selection } from './selection';

export type GridRow =
  | { kind: 'person'; key: string; person: GridPerson; expanded: boolean; assignmentCount: number }
  | { kind: 'assignment'; key: string; person: GridPerson; assignment: GridAssignment }
  | { kind: 'add'; key: string; person: GridPerson }
  /** A person whose page is loading (`position` in the grid), or an expanded person's rows. */
  | { kind: 'pending'; key: string; position?: number };

/** One cell's new hours (0 clears the week). */
export interface CellEdit {
  assignmentId: number;
  week: string;
  hours: number;
}

/** What reading or editing a row's hours needs: its id and its hours per week. */
export type HoursRow = Pick<GridAssignment, 'id' | 'weeklyHours'>;

/** Unsaved or saving hours by cellKey(). */
export type Overlay = ReadonlyMap<string, number>;

export function cellKey(assignmentId: number, week: string): string {
  return `${assignmentId}:${week}`;
}

/** An assignment as either grid holds it: its hours, version, person and project. */
export type GridHours = HoursRow & Pick<GridAssignment, 'person' | 'project' | 'version'>;

/** A grid's answer as far as its hours go: the assignments in its window. */
export interface HoursData {
  assignments?: readonly GridHours[] | null;
}

/**
 * How a grid sums hours into its top rows: the row an assignment counts towards (its
 * person or its project) and where the answer keeps those rows' weekly totals.
 */
export interface HoursGrouping<D extends HoursData> {
  groupOf: (assignment: GridHours) => number;
  totalsOf: (data: D) => Readonly<Record<string, WeekHours>>;
  withTotals: (data: D, totals: Record<string, WeekHours>) => D;
}

/** The people grid: hours count towards the person. */
export const BY_PERSON: HoursGrouping<GridData> = {
  groupOf: (assignment) => assignment.person,
  totalsOf: (data) => data.hoursByPerson,
  withTotals: (data, hoursByPerson) => ({ ...data, hoursByPerson }),
};

/** The assignments under each top row, by its id, in the answer's order. */
export function groupAssignments<A extends GridHours>(assignments: readonly A[], groupOf: (assignment: A) => number): Map<number, A[]> {
  const groups = new Map<number, A[]>();
  for (const assignment of assignments) {
    const group = groups.get(groupOf(assignment));
    if (group) group.push(assignment);
    else groups.set(groupOf(assignment), [assignment]);
  }
  return groups;
}

export function cellHours(assignment: HoursRow, week: string, overlay: Overlay): number {
  return overlay.get(cellKey(assignment.id, week)) ?? assignment.weeklyHours[week] ?? 0;
}

/** The smallest range holding every shown cell of `edits`; null when none is shown. */
export function rangeOfEdits(
  rows: readonly { kind: string; assignment?: { id: number } }[],
  weekKeys: readonly string[],
  edits: readonly CellEdit[],
): Selection | null {
  const rowOf = new Map(rows.flatMap((row, index) => (row.kind === 'assignment' && row.assignment ? [[row.assignment.id, index] as const] : [])));
  const cells = edits.flatMap(({ assignmentId, week }): CellPos[] => {
    const row = rowOf.get(assignmentId);
    const col = weekKeys.indexOf(week) + 1;
    return row !== undefined && col > 0 ? [{ row, col }] : [];
  });
  if (cells.length === 0) return null;
  const rowsOf = cells.map((cell) => cell.row);
  const cols = cells.map((cell) => cell.col);
  return {
    anchor: { row: Math.min(...rowsOf), col: Math.min(...cols) },
    focus: { row: Math.max(...rowsOf), col: Math.max(...cols) },
  };
}

/** Hours to two decimals, as the server keeps them (integer hundredths). */
function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** How much the overlay changes each top row's week: "groupId:week" -> hours. */
export function overlayDeltas(
  overlay: Overlay,
  assignmentsById: ReadonlyMap<number, GridHours>,
  groupOf: (assignment: GridHours) => number,
): Map<string, number> {
  const deltas = new Map<string, number>();
  for (const [key, hours] of overlay) {
    const [id, week] = key.split(':') as [string, string];
    const assignment = assignmentsById.get(Number(id));
    if (!assignment) continue;
    const deltaKey = `${groupOf(assignment)}:${week}`;
    deltas.set(deltaKey, (deltas.get(deltaKey) ?? 0) + hours - (assignment.weeklyHours[week] ?? 0));
  }
  return deltas;
}

/** A top row's hours in a week: the server's total plus the unsaved edits' deltas. */
export function groupTotal<D extends HoursData>(
  grouping: HoursGrouping<D>,
  data: D,
  groupId: number,
  week: string,
  deltas: ReadonlyMap<string, number>,
): number {
  return roundHours((grouping.totalsOf(data)[String(groupId)]?.[week] ?? 0) + (deltas.get(`${groupId}:${week}`) ?? 0));
}

/** The versions an assignment has in one cached grid (none when absent). */
export function versionsOf(data: HoursData, assignmentId: number): number[] {
  return (data.assignments ?? []).filter((assignment) => assignment.id === assignmentId).map((assignment) => assignment.version);
}

/** The grid after a successful save: the saved hours, new totals and new versions. */
export function applySaved<D extends HoursData>(grouping: HoursGrouping<D>, data: D, edits: readonly CellEdit[], results: readonly HoursResult[]): D {
  const versions = new Map(results.map((result) => [result.assignmentId, result.version]));
  const byId = new Map<number, CellEdit[]>();
  for (const edit of edits) byId.set(edit.assignmentId, [...(byId.get(edit.assignmentId) ?? []), edit]);
  const totalsById = { ...grouping.totalsOf(data) };
  const assignments = (data.assignments ?? []).map((assignment) => {
    const changes = byId.get(assignment.id);
    if (!changes) return assignment;
    const group = String(grouping.groupOf(assignment));
    const weeklyHours = { ...assignment.weeklyHours };
    const totals = { ...totalsById[group] };
    for (const { week, hours } of changes) {
      const delta = hours - (weeklyHours[week] ?? 0);
      if (hours === 0) delete weeklyHours[week];
      else weeklyHours[week] = hours;
      totals[week] = roundHours((totals[week] ?? 0) + delta);
    }
    totalsById[group] = totals;
    return { ...assignment, weeklyHours, version: versions.get(assignment.id) ?? assignment.version };
  });
  return grouping.withTotals({ ...data, assignments }, totalsById);
}

/**
 * A page of the grid with a newly created assignment added to its person: to their rows
 * when the page holds them, else to their count when the page shows them.
 */
export function addAssignment(data: GridData, created: Assignment, projectStatus: string): GridData {
  if (!(data.rowsOf ?? []).includes(created.person)) {
    const people = data.people.map((person) => (person.id === created.person ? { ...person, assignmentCount: person.assignmentCount + 1 } : person));
    return { ...data, people };
  }
  const row: GridAssignment = {
    id: created.id,
    person: created.person,
    project: created.project,
    projectName: created.projectName,
    projectStatus,
    roleOnProject: created.roleOnProject,
    version: created.version,
    weeklyHours: created.weeklyHours,
  };
  return { ...data, assignments: [...(data.assignments ?? []), row] };
}
