// The planning grid address of one person in the dashboard's window: the grid searched
// for their name with their row expanded (planningParams' `q` and `open`), in the same
// weeks and department scope, so a click lands on that person's assignments.
import type { AnalyticsWindow } from '../../api/analytics';
import { DEFAULT_STATUS, writeParams } from './planningParams';

export function planningHref(person: { id: number; name: string }, window: AnalyticsWindow): string {
  const query = writeParams({ ...window, status: DEFAULT_STATUS, search: person.name, open: [person.id] });
  return `/planning?${query.toString()}`;
}
