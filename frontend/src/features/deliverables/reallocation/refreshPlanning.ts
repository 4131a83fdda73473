// After planned hours moved (a reallocation, or its undo), what shows them or the
// deliverable's date reloads: the people and project grids whose week window holds a
// touched week (every window when the touched weeks are not known), assignments with
// their weekly hours (the project's people, a person's strip), and the deliverables'
// lists, calendar marks and histories. Queries on screen refetch at once; the rest when
// next shown.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { addWeeks } from '../../../ui/weeks';
import { queryKeys } from '../../../api/queryKeys';

interface WeekWindow {
  start: string;
  weeks: number;
}

/** The week window of a grid's query (its key ends with the grid query), if it has one. */
function windowOf(queryKey: QueryKey): WeekWindow | null {
  const last = queryKey.at(-1);
  if (typeof last !== 'object' || last === null) return null;
  const { start, weeks } = last as Record<string, unknown>;
  return typeof start === 'string' && typeof weeks === 'number' ? { start, weeks } : null;
}

/** True when a window shows one of the week keys (Sundays as YYYY-MM-DD compare as text). */
export function showsAnyWeek(window: WeekWindow, weekKeys: readonly string[]): boolean {
  const end = addWeeks(window.start, window.weeks);
  return weekKeys.some((week) => week >= window.start && week < end);
}

export function refreshAfterMove(queryClient: QueryClient, touchedWeekKeys?: readonly string[]): void {
  void queryClient.invalidateQueries({
    queryKey: queryKeys.planning.all,
    predicate: ({ queryKey }) => {
      const window = windowOf(queryKey);
      return window !== null && (touchedWeekKeys === undefined || showsAnyWeek(window, touchedWeekKeys));
    },
  });
  void queryClient.invalidateQueries({ queryKey: queryKeys.assignments.all });
  void queryClient.invalidateQueries({ queryKey: queryKeys.deliverables.all });
}
