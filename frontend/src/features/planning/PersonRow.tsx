// A person's row: the expand toggle, name and weekly capacity, then their total hours
// per week in utilization bands.
import type { GridPerson } from '../../api/planning';
import { useUtilizationBands } from '../../shared/utilization/useUtilizationBands';
import { GroupNameCell } from './GroupNameCell';
import { PlanRow } from './PlanRow';
import { TotalCell } from './TotalCell';

interface Props {
  index: number;
  person: GridPerson;
  expanded: boolean;
  assignmentCount: number;
  weekKeys: readonly string[];
  totals: readonly number[];
  template: string;
  onToggle: (personId: number) => void;
}

export function PersonRow({ index, person, expanded, assignmentCount, weekKeys, totals, template, onToggle }: Props) {
  const bands = useUtilizationBands();
  const projects = assignmentCount === 1 ? '1 project' : `${assignmentCount} projects`;
  return (
    <PlanRow index={index} kind="person" template={template} expanded={expanded}>
      <GroupNameCell
        row={index}
        expanded={expanded}
        contents={`${person.name}’s projects`}
        onToggle={() => onToggle(person.id)}
        name={person.name}
        details={`${person.name} · ${projects}${person.departmentName ? ` · ${person.departmentName}` : ''}`}
      >
        <span className="plan-capacity num" title="Weekly capacity">
          {person.weeklyCapacity} h
        </span>
      </GroupNameCell>
      {weekKeys.map((week, i) => (
        <TotalCell key={week} row={index} col={i + 1} week={week} total={totals[i] ?? 0} capacity={person.weeklyCapacity} name={person.name} bands={bands} />
      ))}
    </PlanRow>
  );
}
