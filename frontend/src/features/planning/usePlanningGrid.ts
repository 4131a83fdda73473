// The grid's data for the current URL state (one request, kept while the next window
// loads) and what the page derives from it: the visible rows, assignments by id, and
// the totals' changes from unsaved edits.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchGrid, type GridQuery } from '../../api/planning';
import { buildRows, groupByPerson, overlayDeltas, type Overlay } from './gridModel';
import type { PlanningParams } from './planningParams';
import { GRID_KEY } from './useSaveQueue';

export function usePlanningGrid(params: PlanningParams, canEdit: boolean) {
  const query: GridQuery = {
    start: params.start,
    weeks: params.weeks,
    department: params.department,
    includeChildren: params.includeChildren,
    statuses: params.status ? params.status.split(',') : [],
    search: params.search,
  };
  const grid = useQuery({
    queryKey: [...GRID_KEY, query],
    queryFn: ({ signal }) => fetchGrid(query, signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
  const data = grid.data;
  const openKey = params.open.join(',');

  const byPerson = useMemo(() => groupByPerson(data?.assignments ?? []), [data]);
  const byId = useMemo(() => new Map((data?.assignments ?? []).map((assignment) => [assignment.id, assignment])), [data]);
  const rows = useMemo(
    () => buildRows(data?.people ?? [], byPerson, new Set(openKey ? openKey.split(',').map(Number) : []), canEdit),
    [data, byPerson, openKey, canEdit],
  );
  return { grid, rows, deltasFor: (overlay: Overlay) => overlayDeltas(overlay, byId) };
}
