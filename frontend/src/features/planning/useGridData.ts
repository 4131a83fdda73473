// The data a planning grid view shows for the current URL state: one request for the
// window and filters (kept while the next window loads), its rows (the assignments
// under each top row, by the view's grouping, shown under the expanded ones), the
// totals' changes from unsaved edits, and a cell's hours as loaded (for undo).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { GridQuery } from '../../api/planning';
import { groupAssignments, overlayDeltas, type HoursData, type Overlay } from './gridModel';
import type { AssignmentOf, GridView } from './gridView';
import type { PlanningParams } from './planningParams';

function gridQuery(params: PlanningParams): GridQuery {
  return {
    start: params.start,
    weeks: params.weeks,
    department: params.department,
    includeChildren: params.includeChildren,
    statuses: params.status ? params.status.split(',') : [],
    search: params.search,
  };
}

export function useGridData<D extends HoursData, R>(view: GridView<D, R>, params: PlanningParams, plansAll: boolean) {
  const query = gridQuery(params);
  const grid = useQuery({
    queryKey: [...view.cache.queryKey, query],
    queryFn: ({ signal }) => view.fetch(query, signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
  const data = grid.data;
  const { groupOf } = view.cache.grouping;
  const openKey = params.open.join(',');

  const byGroup = useMemo(() => groupAssignments<AssignmentOf<D>>(data?.assignments ?? [], groupOf), [data, groupOf]);
  const byId = useMemo(() => new Map((data?.assignments ?? []).map((assignment) => [assignment.id, assignment])), [data]);
  const rows = useMemo(
    () => view.rowsOf(data, byGroup, new Set(openKey ? openKey.split(',').map(Number) : []), plansAll),
    [view, data, byGroup, openKey, plansAll],
  );
  return {
    grid,
    rows,
    deltasFor: (overlay: Overlay) => overlayDeltas(overlay, byId, groupOf),
    savedHours: (assignmentId: number, week: string): number | undefined => {
      const assignment = byId.get(assignmentId);
      return assignment ? (assignment.weeklyHours[week] ?? 0) : undefined;
    },
  };
}
