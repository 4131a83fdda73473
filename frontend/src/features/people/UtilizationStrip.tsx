// The next 12 weeks of one person's plan: per week the allocated hours as a share of
// capacity, in a band (available, optimal, high, over-allocated) shown by colour, a
// marker and its name. The server computes the bands (one definition for every screen).
import type { Person, PersonWeek } from '../../api/people';
import { WeekBandList } from '../../shared/utilization/WeekBandList';

export function UtilizationStrip({ person, weeks }: { person: Person; weeks: PersonWeek[] }) {
  if (!person.isActive) return <p className="muted">{person.name} is not in the plan while inactive.</p>;
  return <WeekBandList label={`Utilization, next ${weeks.length} weeks`} weeks={weeks} />;
}
