// A row element of either planning grid: its position for screen readers (the header
// row is 1, so row index 0 is 2), the grid's column template, and its look by kind
// (plan-row--person, --project, --assignment, --add, --pending).
import type { ReactNode } from 'react';

interface Props {
  index: number;
  kind: 'person' | 'project' | 'assignment' | 'add' | 'pending';
  template: string;
  /** For a row that expands (a person or a project). */
  expanded?: boolean;
  children: ReactNode;
}

export function PlanRow({ index, kind, template, expanded, children }: Props) {
  return (
    <div role="row" aria-rowindex={index + 2} aria-expanded={expanded} className={`plan-row plan-row--${kind}`} style={{ gridTemplateColumns: template }}>
      {children}
    </div>
  );
}
