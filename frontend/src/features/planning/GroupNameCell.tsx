// The name cell of a row that expands (a person, or a project): the Show/Hide toggle
// (a pointer target; the keyboard uses Enter on the cell), the name with its details as
// a tooltip, then a short aside (a capacity, a head count).
import type { ReactNode } from 'react';
import { GridCell } from './GridCell';

interface Props {
  row: number;
  expanded: boolean;
  /** What the toggle shows or hides: "Ann Archer’s projects", "the people on Bridge". */
  contents: string;
  onToggle: () => void;
  name: string;
  /** The name's tooltip. */
  details: string;
  children: ReactNode;
}

export function GroupNameCell({ row, expanded, contents, onToggle, name, details, children }: Props) {
  return (
    <GridCell row={row} col={0} header className="plan-cell--name">
      <button
        type="button"
        tabIndex={-1}
        className="plan-toggle"
        aria-expanded={expanded}
        aria-label={`${expanded ? 'Hide' : 'Show'} ${contents}`}
        onClick={onToggle}
      >
        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
      </button>
      <span className="plan-name" title={details}>
        {name}
      </span>
      {children}
    </GridCell>
  );
}
