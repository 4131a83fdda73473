// The next 12 weeks of one person's plan: per week the allocated hours as a share of
// capacity, in a band (available, optimal, high, over-allocated) shown by colour, a
// marker and its name, exactly as the planning grid shows it (utilization/bands).
// Reads the planning grid's totals, one request.
import { useQuery } from '@tanstack/react-query';
import { fetchGridTotals } from '../../api/assignments';
import type { Person } from '../../api/people';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { bandOfWeek, utilizationPercent } from '../utilization/bands';
import { useUtilizationBands } from '../utilization/useUtilizationBands';
import { currentWeek } from '../../ui/weeks';
import { WeekBandList } from './WeekBandList';
import { queryKeys } from '../../api/queryKeys';

const WEEKS = 12;

export function UtilizationStrip({ person }: { person: Person }) {
  const bands = useUtilizationBands();
  const scope = { weeks: WEEKS, start: currentWeek(), search: person.name, department: person.department ?? null };
  const grid = useQuery({
    queryKey: queryKeys.assignments.gridTotals(scope),
    queryFn: ({ signal }) => fetchGridTotals(scope, signal),
  });
  if (grid.error) return <FormAlert tone="error">{errorMessage(grid.error)}</FormAlert>;
  if (!grid.data) return <p className="muted" role="status">Loading the plan…</p>;
  const row = grid.data.people.find((candidate) => candidate.id === person.id);
  if (!row) return <p className="muted">{person.name} is not in the plan while inactive.</p>;
  const hours = grid.data.hoursByPerson[String(person.id)] ?? {};

  const weeks = grid.data.weekKeys.map((week) => {
    const allocated = hours[week] ?? 0;
    return {
      week,
      allocated,
      capacity: row.weeklyCapacity,
      percent: utilizationPercent(allocated, row.weeklyCapacity),
      band: bandOfWeek(allocated, row.weeklyCapacity, bands),
    };
  });
  return <WeekBandList label="Utilization, next 12 weeks" weeks={weeks} />;
}
