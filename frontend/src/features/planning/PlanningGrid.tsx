// The planning grid: a scroll container with a sticky header row and name column,
// rendering only the rows in view (useVirtualRows), driven from the keyboard
// (useGridInteraction), the active cell named by aria-activedescendant.
import { useCallback, useState } from 'react';
import type { GridData } from '../../api/planning';
import { AddProjectRow } from './AddProjectRow';
import { AssignmentRow } from './AssignmentRow';
import { CellContext, cellId } from './GridCell';
import { GridHeader } from './GridHeader';
import { personTotal, type CellEdit, type GridRow, type Overlay } from './gridModel';
import { PersonRow } from './PersonRow';
import { selectionRect, type CellPos } from './selection';
import { useGridInteraction } from './useGridInteraction';
import { useVirtualRows } from './useVirtualRows';

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 34;
const NAME_WIDTH = 260;
const WEEK_WIDTH = 64;

interface Props {
  data: GridData;
  rows: readonly GridRow[];
  overlay: Overlay;
  deltas: ReadonlyMap<string, number>;
  canEdit: boolean;
  onEdit: (edits: CellEdit[]) => void;
  onToggle: (personId: number) => void;
}

export function PlanningGrid({ data, rows, overlay, deltas, canEdit, onEdit, onToggle }: Props) {
  const { weekKeys } = data;
  const [adding, setAdding] = useState<number | null>(null);
  const virtual = useVirtualRows({ count: rows.length, rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, overscan: 8 });
  const { containerRef, scrollToIndex } = virtual;
  const reveal = useCallback(
    ({ row, col }: CellPos) => {
      scrollToIndex(row);
      const container = containerRef.current;
      if (!container || col === 0) return;
      const left = NAME_WIDTH + (col - 1) * WEEK_WIDTH;
      if (left - NAME_WIDTH < container.scrollLeft) container.scrollLeft = left - NAME_WIDTH;
      else if (left + WEEK_WIDTH > container.scrollLeft + container.clientWidth) container.scrollLeft = left + WEEK_WIDTH - container.clientWidth;
    },
    [scrollToIndex, containerRef],
  );
  const grid = useGridInteraction({ rows, weekKeys, canEdit, overlay, onEdit, onToggle, onAddProject: setAdding, gridRef: containerRef, reveal });
  const template = `${NAME_WIDTH}px repeat(${weekKeys.length}, ${WEEK_WIDTH}px)`;
  const editor = { onChange: grid.onEditorChange, onKeyDown: grid.onEditorKeyDown, onBlur: grid.onEditorBlur };
  const cellContext = {
    rect: selectionRect(grid.selection),
    focus: grid.selection.focus,
    onPointerDown: grid.onCellPointerDown,
    onDoubleClick: grid.onCellDoubleClick,
  };
  const closeAdd = (refocus: boolean) => {
    setAdding(null);
    if (refocus) containerRef.current?.focus({ preventScroll: true });
  };

  return (
    <>
      <p id="plan-edit-error" className="plan-edit-error" role="alert">
        {grid.editing?.error}
      </p>
      <CellContext value={cellContext}>
        <div
          ref={containerRef}
          className="plan-grid"
          role="grid"
          tabIndex={0}
          aria-label="Planning grid: people and their hours per week"
          aria-rowcount={rows.length + 1}
          aria-colcount={weekKeys.length + 1}
          aria-readonly={!canEdit}
          aria-activedescendant={grid.editing ? undefined : cellId(grid.selection.focus)}
          onKeyDown={grid.onGridKeyDown}
        >
          <GridHeader weekKeys={weekKeys} template={template} />
          <div aria-hidden="true" style={{ height: virtual.paddingTop }} />
          {rows.slice(virtual.range.start, virtual.range.end).map((row, offset) => {
            const index = virtual.range.start + offset;
            if (row.kind === 'person') {
              const totals = weekKeys.map((week) => personTotal(data, row.person.id, week, deltas));
              return (
                <PersonRow
                  key={row.key}
                  index={index}
                  person={row.person}
                  expanded={row.expanded}
                  assignmentCount={row.assignmentCount}
                  weekKeys={weekKeys} totals={totals}
                  template={template}
                  onToggle={onToggle}
                />
              );
            }
            if (row.kind === 'assignment') {
              const editing = grid.editing?.row === index ? grid.editing : null;
              return <AssignmentRow key={row.key} index={index} assignment={row.assignment} weekKeys={weekKeys} overlay={overlay} template={template} editing={editing} editor={editor} />;
            }
            return <AddProjectRow key={row.key} index={index} person={row.person} open={adding === row.person.id} template={template} onOpen={setAdding} onClose={closeAdd} />;
          })}
          <div aria-hidden="true" style={{ height: virtual.paddingBottom }} />
        </div>
      </CellContext>
    </>
  );
}
