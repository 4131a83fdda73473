// The data a one-request planning grid view (the project grid) shows for the current
// URL state: one request for the window and filters (kept while the next window
// loads), its rows (the assignments under each top row, by the view's grouping, shown
// under the expanded ones), the totals' changes from unsaved edits, and a cell's hours
// as loaded (for undo); the last two shared with the paged people grid.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { GridQuery } from '../../api/planning';
import { groupAssignments, overlayDeltas, type GridHours, type HoursData, type Overlay } from './gridModel';
import type { AssignmentOf, GridDataResult, OneRequestView } from './gridView';
import type { PlanningParams } from '../../shared/links/planningParams';

export function gridQuery(params: PlanningParams): GridQuery {
  return {
    start: params.start,
    weeks: params.weeks,
    department: params.department,
    includeChildren: params.includeChildren,
    statuses: params.status ? params.status.split(',') : [],
    search: params.search,
  };
}

/** How unsaved edits change the top rows' totals, and a cell's hours as loaded. */
export function useHoursLookup<A extends GridHours>(assignments: readonly A[] | null | undefined, groupOf: (assignment: GridHours) => number) {
  const byId = useMemo(() => new Map((assignments ?? []).map((assignment) => [assignment.id, assignment])), [assignments]);
  return {
    deltasFor: (overlay: Overlay) => overlayDeltas(overlay, byId, groupOf),
    savedHours: (assignmentId: number, week: string): number | undefined => {
      const assignment = byId.get(assignmentId);
      return assignment ? (assignment.weeklyHours[week] ?? 0) : undefined;
    },
  };
}

export function useGridData<D extends HoursData, R>(view: OneRequestView<D, R>, params: PlanningParams, plansAll: boolean): GridDataResult<D, R> {
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
  const rows = useMemo(
    () => view.rowsOf(data, byGroup, new Set(openKey ? openKey.split(',').map(Number) : []), plansAll),
    [view, data, byGroup, openKey, plansAll],
  );
  return { grid, rows, ...useHoursLookup(data?.assignments, groupOf) };
}
