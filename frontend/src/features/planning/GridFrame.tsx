// The frame both planning grids render around their rows: the line that announces a
// refused edit, then the scroll container (role grid, keyboard-driven, the active cell
// named by aria-activedescendant) with the sticky header row and only the rows in view
// between two spacers. Behaviour comes from useGridControls.
import type { ReactNode } from 'react';
import { CellContext, cellId } from './GridCell';
import { GridHeader } from './GridHeader';
import type { GridControls } from './useGridControls';

interface Props<Row> {
  controls: GridControls;
  /** The grid's accessible name. */
  label: string;
  /** The name column's title (the header's default when left out). */
  nameLabel?: string;
  /** The rows the controls were given, typed as the grid knows them. */
  rows: readonly Row[];
  /** One row in view, at its index in `rows` (its component sets its own key). */
  renderRow: (row: Row, index: number) => ReactNode;
}

export function GridFrame<Row>({ controls, label, nameLabel, rows, renderRow }: Props<Row>) {
  const { weekKeys, canEdit, containerRef, start, end, padTop, padBottom, grid, dragging, cellContext, template } = controls;
  return (
    <>
      <p id="plan-edit-error" className="plan-edit-error" role="alert">
        {grid.editing?.error}
      </p>
      <CellContext value={cellContext}>
        <div
          ref={containerRef}
          className={`plan-grid${dragging ? ' is-dragging' : ''}`}
          role="grid"
          tabIndex={0}
          aria-label={label}
          aria-rowcount={rows.length + 1}
          aria-colcount={weekKeys.length + 1}
          aria-readonly={!canEdit}
          aria-activedescendant={grid.editing ? undefined : cellId(grid.selection.focus)}
          onKeyDown={grid.onGridKeyDown}
        >
          <GridHeader weekKeys={weekKeys} template={template} nameLabel={nameLabel} />
          <div aria-hidden="true" style={{ height: padTop }} />
          {rows.slice(start, end).map((row, offset) => renderRow(row, start + offset))}
          <div aria-hidden="true" style={{ height: padBottom }} />
        </div>
      </CellContext>
    </>
  );
}
