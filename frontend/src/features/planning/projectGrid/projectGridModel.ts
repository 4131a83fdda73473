// The project grid's data model, pure: the flat list of rows (a project, then the
// people on it when expanded) and how its hours group, by project. Totals, the cache
// after a save, cell values and edits are the people grid's (gridModel.ts), so both
// grids share the model and the editing hooks.
import type { HoursGrouping } from '../gridModel';
import type { GridProject, ProjectAssignment, ProjectGridData } from './projectGridApi';

export type ProjectGridRow =
  | { kind: 'project'; key: string; project: GridProject; expanded: boolean; peopleCount: number }
  | { kind: 'assignment'; key: string; project: GridProject; assignment: ProjectAssignment };

/** The project grid: hours count towards the project. */
export const BY_PROJECT: HoursGrouping<ProjectGridData> = {
  groupOf: (assignment) => assignment.project,
  totalsOf: (data) => data.hoursByProject,
  withTotals: (data, hoursByProject) => ({ ...data, hoursByProject }),
};

export function buildProjectRows(
  projects: readonly GridProject[],
  byProject: ReadonlyMap<number, ProjectAssignment[]>,
  open: ReadonlySet<number>,
): ProjectGridRow[] {
  const rows: ProjectGridRow[] = [];
  for (const project of projects) {
    const assignments = byProject.get(project.id) ?? [];
    const expanded = open.has(project.id);
    rows.push({ kind: 'project', key: `p${project.id}`, project, expanded, peopleCount: assignments.length });
    if (!expanded) continue;
    for (const assignment of assignments) rows.push({ kind: 'assignment', key: `a${assignment.id}`, project, assignment });
  }
  return rows;
}
