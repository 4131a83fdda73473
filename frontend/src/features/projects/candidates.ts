// Who could join a project: everyone in the plan's totals not already on it, with their
// free hours over the chosen weeks (capacity x weeks - planned hours), most free first.
import type { GridTotals } from '../../api/assignments';
import { sumWeeks } from '../people/weeks';

export interface Candidate {
  id: number;
  name: string;
  departmentName: string | null;
  /** Capacity over the chosen weeks. */
  capacity: number;
  planned: number;
  /** Negative when already over-allocated. */
  free: number;
}

export function rankCandidates(grid: GridTotals, weeks: readonly string[], onProject: ReadonlySet<number>): Candidate[] {
  return grid.people
    .filter((person) => !onProject.has(person.id))
    .map((person) => {
      const capacity = person.weeklyCapacity * weeks.length;
      const planned = sumWeeks(grid.hoursByPerson[String(person.id)], weeks);
      return { id: person.id, name: person.name, departmentName: person.departmentName, capacity, planned, free: capacity - planned };
    })
    .sort((a, b) => b.free - a.free || a.name.localeCompare(b.name));
}
