// GET /api/deliverables/calendar: every dated deliverable of an active project between
// two dates (inclusive, at most two years apart), by date.
import { apiFetch } from './client';
import type { components } from './schema';

export type CalendarDeliverable = components['schemas']['DeliverableView'];

/** `start` and `end` are YYYY-MM-DD. */
export function fetchDeliverableCalendar(start: string, end: string, signal?: AbortSignal): Promise<CalendarDeliverable[]> {
  const query = new URLSearchParams({ start, end });
  return apiFetch<CalendarDeliverable[]>(`/deliverables/calendar?${query.toString()}`, signal ? { signal } : {});
}
