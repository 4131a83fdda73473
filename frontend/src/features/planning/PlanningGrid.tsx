// The people grid: each person's weekly totals, and when expanded their assignments'
// hours and "Add project", in the shared GridFrame, with a placeholder row where people
// or rows are still loading (it tells the data which rows are in view, so their pages
// load). Keyboard, pointer, editing and scrolling come from useGridControls.
import { useEffect, useState } from 'react';
import type { GridData } from '../../api/planning';
import { AddProjectRow } from './AddProjectRow';
import { AssignmentRow } from './AssignmentRow';
import { GridFrame } from './GridFrame';
import { BY_PERSON, groupTotal, type GridRow } from './gridModel';
import { PendingRow } from './PendingRow';
import { PersonRow } from './PersonRow';
import { useGridControls } from './useGridControls';
import type { PlanGridProps } from './usePlanningView';

const LAYOUT = { rowHeight: 30, headerHeight: 34, leadWidth: 260, colWidth: 64 } as const;

interface Props extends PlanGridProps<GridRow> {
  data: GridData;
}

export function PlanningGrid({ data, rows, deltas, deliverables, onRange, ...options }: Props) {
  const { weekKeys } = data;
  const [adding, setAdding] = useState<number | null>(null);
  const controls = useGridControls({ ...options, layout: LAYOUT, rows, weekKeys, onAddProject: setAdding });
  const { grid, template, editor, containerRef, start, end } = controls;
  useEffect(() => onRange?.(start, end), [onRange, start, end]);
  const closeAdd = (refocus: boolean) => {
    setAdding(null);
    if (refocus) containerRef.current?.focus({ preventScroll: true });
  };

  return (
    <GridFrame
      controls={controls}
      label="Planning grid: people and their hours per week"
      rows={rows}
      renderRow={(row, index) => {
        if (row.kind === 'pending') return <PendingRow key={row.key} index={index} weekKeys={weekKeys} template={template} />;
        if (row.kind === 'person') {
          const totals = weekKeys.map((week) => groupTotal(BY_PERSON, data, row.person.id, week, deltas));
          return (
            <PersonRow
              key={row.key}
              index={index}
              person={row.person}
              expanded={row.expanded}
              assignmentCount={row.assignmentCount}
              weekKeys={weekKeys}
              totals={totals}
              template={template}
              onToggle={options.onToggle}
            />
          );
        }
        if (row.kind === 'assignment') {
          return (
            <AssignmentRow
              key={row.key}
              index={index}
              assignment={row.assignment}
              deliverables={deliverables}
              weekKeys={weekKeys}
              overlay={options.overlay}
              template={template}
              editing={grid.editing?.row === index ? grid.editing : null}
              editor={editor}
              readOnly={controls.readOnlyFor(row.person.id)}
            />
          );
        }
        return <AddProjectRow key={row.key} index={index} person={row.person} open={adding === row.person.id} template={template} onOpen={setAdding} onClose={closeAdd} />;
      }}
    />
  );
}
