// A person's row: the expand toggle, name and weekly capacity, then their total hours
// per week in utilization bands.
import type { GridPerson } from '../../api/planning';
import { GridCell } from './GridCell';
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
  const projects = assignmentCount === 1 ? '1 project' : `${assignmentCount} projects`;
  return (
    <div role="row" aria-rowindex={index + 2} aria-expanded={expanded} className="plan-row plan-row--person" style={{ gridTemplateColumns: template }}>
      <GridCell row={index} col={0} header className="plan-cell--name">
        <button
          type="button"
          tabIndex={-1}
          className="plan-toggle"
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Hide' : 'Show'} ${person.name}’s projects`}
          onClick={() => onToggle(person.id)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        </button>
        <span className="plan-name" title={`${person.name} · ${projects}${person.departmentName ? ` · ${person.departmentName}` : ''}`}>
          {person.name}
        </span>
        <span className="plan-capacity num" title="Weekly capacity">
          {person.weeklyCapacity} h
        </span>
      </GridCell>
      {weekKeys.map((week, i) => (
        <TotalCell key={week} row={index} col={i + 1} week={week} total={totals[i] ?? 0} capacity={person.weeklyCapacity} name={person.name} />
      ))}
    </div>
  );
}
