// GET /api/deliverables/calendar: every dated deliverable of an active project between
// two dates (inclusive, at most two years apart), by date.
import { api, read } from './http';
import type { components } from './schema';

export type CalendarDeliverable = components['schemas']['DeliverableView'];

/** `start` and `end` are YYYY-MM-DD. */
export function fetchDeliverableCalendar(start: string, end: string, signal?: AbortSignal): Promise<CalendarDeliverable[]> {
  return read(api.GET('/api/deliverables/calendar', { params: { query: { start, end } }, signal: signal ?? null }));
}
