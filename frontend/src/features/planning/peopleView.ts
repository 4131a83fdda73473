// The people grid as a planning view: cached under GRID_KEY with hours grouped by
// person, loaded from GET /api/assignments/grid, each person's row followed (when
// expanded) by their assignments and, for planners, "Add project".
import { fetchGrid, type GridData } from '../../api/planning';
import { buildRows, type GridRow } from './gridModel';
import type { GridView } from './gridView';
import { PEOPLE_GRIDS } from './useSaveQueue';

export const PEOPLE_VIEW: GridView<GridData, GridRow> = {
  cache: PEOPLE_GRIDS,
  fetch: fetchGrid,
  rowsOf: (data, byGroup, open, plansAll) => buildRows(data?.people ?? [], byGroup, open, plansAll),
};
