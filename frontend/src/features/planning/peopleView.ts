// The people grid as a planning view: cached under GRID_KEY with hours grouped by
// person, loaded a page of people at a time from GET /api/assignments/grid (the rows of
// expanded people from GET /api/assignments/grid/rows), each person's row followed
// (when expanded) by their assignments and, for planners, "Add project".
import type { GridData } from '../../api/planning';
import type { GridRow } from './gridModel';
import type { GridView } from './gridView';
import { usePeopleGridData } from './usePeopleGridData';
import { PEOPLE_GRIDS } from './useSaveQueue';

export const PEOPLE_VIEW: GridView<GridData, GridRow> = {
  cache: PEOPLE_GRIDS,
  useData: usePeopleGridData,
};
