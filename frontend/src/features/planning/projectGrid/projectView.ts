// The project grid as a planning view: cached beside the people grid (under
// PLANNING_KEY) with hours grouped by project, loaded in one request from GET
// /api/assignments/project-grid, each project's row followed (when expanded) by the
// people on it.
import type { GridView, OneRequestView } from '../gridView';
import { useGridData } from '../useGridData';
import { fetchProjectGrid, type ProjectGridData } from './projectGridApi';
import { BY_PROJECT, buildProjectRows, type ProjectGridRow } from './projectGridModel';
import { queryKeys } from '../../../api/queryKeys';

export const PROJECT_GRID_KEY = queryKeys.planning.projectGrid;

const ONE_REQUEST: OneRequestView<ProjectGridData, ProjectGridRow> = {
  cache: { queryKey: PROJECT_GRID_KEY, grouping: BY_PROJECT },
  fetch: fetchProjectGrid,
  rowsOf: (data, byGroup, open) => buildProjectRows(data?.projects ?? [], byGroup, open),
};

export const PROJECT_VIEW: GridView<ProjectGridData, ProjectGridRow> = {
  cache: ONE_REQUEST.cache,
  useData: (params, plansAll) => useGridData(ONE_REQUEST, params, plansAll),
};
