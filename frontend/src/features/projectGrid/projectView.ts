// The project grid as a planning view: cached beside the people grid (under
// PLANNING_KEY) with hours grouped by project, loaded from GET
// /api/assignments/project-grid, each project's row followed (when expanded) by the
// people on it.
import type { GridView } from '../planning/gridView';
import { PLANNING_KEY } from '../planning/useSaveQueue';
import { fetchProjectGrid, type ProjectGridData } from './projectGridApi';
import { BY_PROJECT, buildProjectRows, type ProjectGridRow } from './projectGridModel';

export const PROJECT_GRID_KEY = [...PLANNING_KEY, 'project-grid'] as const;

export const PROJECT_VIEW: GridView<ProjectGridData, ProjectGridRow> = {
  cache: { queryKey: PROJECT_GRID_KEY, grouping: BY_PROJECT },
  fetch: fetchProjectGrid,
  rowsOf: (data, byGroup, open) => buildProjectRows(data?.projects ?? [], byGroup, open),
};
