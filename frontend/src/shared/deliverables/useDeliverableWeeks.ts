// The deliverables due in a grid's window, by project and week: one request per window
// (GET /api/deliverables/calendar), bucketed once per answer and cached by TanStack
// Query under 'deliverables', so a change on a project page refreshes the marks.
// Marks are extra information: while loading, or when the request fails, a grid shows
// none and the page may mention the error.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { fetchDeliverableCalendar } from '../../api/deliverableCalendar';
import { bucketByWeek, calendarRange, type DeliverableWeeks } from './deliverableWeeks';
import { queryKeys } from '../../api/queryKeys';

export const CALENDAR_KEY = queryKeys.deliverables.calendar;

const NO_WEEKS: DeliverableWeeks = new Map();

export function useDeliverableWeeks(weekKeys: readonly string[]): { weeks: DeliverableWeeks; error: unknown } {
  const range = calendarRange(weekKeys);
  const calendar = useQuery({
    queryKey: queryKeys.deliverables.calendarRange(range?.start, range?.end),
    queryFn: range
      ? async ({ signal }) => bucketByWeek(await fetchDeliverableCalendar(range.start, range.end, signal))
      : skipToken,
    placeholderData: keepPreviousData,
  });
  return { weeks: calendar.data ?? NO_WEEKS, error: calendar.error };
}
