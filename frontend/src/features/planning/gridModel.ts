// The grid's data model, pure: the flat list of rows (a person, then their assignments
// and the "Add project" row when expanded), cell values with unsaved edits laid over the
// server's, per-person weekly totals including those edits, and cache updates after a
// save or a new assignment.
import type { CreatedAssignment, GridAssignment, GridData, GridPerson, HoursResult } from '../../api/planning';

export type GridRow =
  | { kind: 'person'; key: string; person: GridPerson; expanded: boolean; assignmentCount: number }
  | { kind: 'assignment'; key: string; person: GridPerson; assignment: GridAssignment }
  | { kind: 'add'; key: string; person: GridPerson };

/** One cell's new hours (0 clears the week). */
export interface CellEdit {
  assignmentId: number;
  week: string;
  hours: number;
}

/** Unsaved or saving hours by cellKey(). */
export type Overlay = ReadonlyMap<string, number>;

export function cellKey(assignmentId: number, week: string): string {
  return `${assignmentId}:${week}`;
}

export function groupByPerson(assignments: readonly GridAssignment[]): Map<number, GridAssignment[]> {
  const groups = new Map<number, GridAssignment[]>();
  for (const assignment of assignments) {
    const group = groups.get(assignment.person);
    if (group) group.push(assignment);
    else groups.set(assignment.person, [assignment]);
  }
  return groups;
}

export function buildRows(
  people: readonly GridPerson[],
  byPerson: ReadonlyMap<number, GridAssignment[]>,
  open: ReadonlySet<number>,
  canEdit: boolean,
): GridRow[] {
  const rows: GridRow[] = [];
  for (const person of people) {
    const assignments = byPerson.get(person.id) ?? [];
    const expanded = open.has(person.id);
    rows.push({ kind: 'person', key: `p${person.id}`, person, expanded, assignmentCount: assignments.length });
    if (!expanded) continue;
    for (const assignment of assignments) rows.push({ kind: 'assignment', key: `a${assignment.id}`, person, assignment });
    if (canEdit) rows.push({ kind: 'add', key: `n${person.id}`, person });
  }
  return rows;
}

export function cellHours(assignment: GridAssignment, week: string, overlay: Overlay): number {
  return overlay.get(cellKey(assignment.id, week)) ?? assignment.weeklyHours[week] ?? 0;
}

/** How much the overlay changes each person's week: "personId:week" -> hours. */
export function overlayDeltas(overlay: Overlay, assignmentsById: ReadonlyMap<number, GridAssignment>): Map<string, number> {
  const deltas = new Map<string, number>();
  for (const [key, hours] of overlay) {
    const [id, week] = key.split(':') as [string, string];
    const assignment = assignmentsById.get(Number(id));
    if (!assignment) continue;
    const deltaKey = `${assignment.person}:${week}`;
    deltas.set(deltaKey, (deltas.get(deltaKey) ?? 0) + hours - (assignment.weeklyHours[week] ?? 0));
  }
  return deltas;
}

export function personTotal(data: GridData, personId: number, week: string, deltas: ReadonlyMap<string, number>): number {
  const total = (data.hoursByPerson[String(personId)]?.[week] ?? 0) + (deltas.get(`${personId}:${week}`) ?? 0);
  return Math.round(total * 100) / 100;
}

/** The grid after a successful save: the saved hours, new totals and new versions. */
export function applySaved(data: GridData, edits: readonly CellEdit[], results: readonly HoursResult[]): GridData {
  const versions = new Map(results.map((result) => [result.assignmentId, result.version]));
  const byId = new Map<number, CellEdit[]>();
  for (const edit of edits) byId.set(edit.assignmentId, [...(byId.get(edit.assignmentId) ?? []), edit]);
  const hoursByPerson = { ...data.hoursByPerson };
  const assignments = (data.assignments ?? []).map((assignment) => {
    const changes = byId.get(assignment.id);
    if (!changes) return assignment;
    const weeklyHours = { ...assignment.weeklyHours };
    const totals = { ...hoursByPerson[String(assignment.person)] };
    for (const { week, hours } of changes) {
      const delta = hours - (weeklyHours[week] ?? 0);
      if (hours === 0) delete weeklyHours[week];
      else weeklyHours[week] = hours;
      totals[week] = Math.round(((totals[week] ?? 0) + delta) * 100) / 100;
    }
    hoursByPerson[String(assignment.person)] = totals;
    return { ...assignment, weeklyHours, version: versions.get(assignment.id) ?? assignment.version };
  });
  return { ...data, assignments, hoursByPerson };
}

/** The grid with a newly created assignment added to its person. */
export function addAssignment(data: GridData, created: CreatedAssignment, projectStatus: string): GridData {
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
