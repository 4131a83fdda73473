// The behaviour both planning grids share, composed from the grid hooks: keyboard and
// editing (useGridInteraction), mouse drag-selection (useDragSelect), virtual rows
// (ui/useVirtualList) and keeping the focused cell in view beside the sticky name column.
// An assignment's hours are editable when the grid is and canEditPerson allows its
// person. GridFrame renders what this answers (it repeats weekKeys and canEdit for it).
import { useCallback } from 'react';
import { useVirtualList } from '../../ui/useVirtualList';
import type { DragLayout } from './dragRange';
import type { CellContextValue } from './GridCell';
import type { CellEdit, HoursRow, Overlay } from './gridModel';
import { selectionRect, type CellPos } from './selection';
import { useDragSelect } from './useDragSelect';
import { useGridInteraction, type InteractionRow } from './useGridInteraction';

/** A row as the controls see it: an hours row knows its person (whose hours they are). */
type ControlRow =
  | Exclude<InteractionRow, { kind: 'assignment' }>
  | { kind: 'assignment'; assignment: HoursRow & { person: number } };

export interface GridControlsOptions {
  /** Row height, header height and column widths; a module constant (it is a hook dependency). */
  layout: DragLayout;
  rows: readonly ControlRow[];
  weekKeys: readonly string[];
  overlay: Overlay;
  canEdit: boolean;
  /** Whose hours may change (everyone's, with canEdit, when left out). */
  canEditPerson?: ((personId: number) => boolean) | undefined;
  onEdit: (edits: CellEdit[]) => void;
  /** Ctrl/Cmd+Z: undoes the last edit and answers the cells it put back. */
  onUndo?: (() => CellEdit[]) | undefined;
  /** Expands or collapses a top row (a person or a project). */
  onToggle: (id: number) => void;
  /** Opens the "Add project" search under a person (people grid only). */
  onAddProject?: ((personId: number) => void) | undefined;
}

export type GridControls = ReturnType<typeof useGridControls>;

export function useGridControls(options: GridControlsOptions) {
  const { layout, rows, weekKeys, canEdit, canEditPerson } = options;
  const { ref: containerRef, scrollToIndex, start, end, padTop, padBottom } = useVirtualList<HTMLDivElement>({
    count: rows.length,
    rowHeight: layout.rowHeight,
    headerHeight: layout.headerHeight,
  });
  const reveal = useCallback(
    ({ row, col }: CellPos) => {
      scrollToIndex(row);
      const container = containerRef.current;
      if (!container || col === 0) return;
      const left = (col - 1) * layout.colWidth;
      const right = layout.leadWidth + left + layout.colWidth;
      if (left < container.scrollLeft) container.scrollLeft = left;
      else if (right > container.scrollLeft + container.clientWidth) container.scrollLeft = right - container.clientWidth;
    },
    [scrollToIndex, containerRef, layout],
  );
  const mayEdit = (personId: number) => canEditPerson?.(personId) ?? true;
  const canEditCell = ({ row }: CellPos) => {
    const target = rows[row];
    return target?.kind === 'assignment' && mayEdit(target.assignment.person);
  };
  const grid = useGridInteraction({ ...options, canEditCell, gridRef: containerRef, reveal });
  const bounds = { rows: rows.length, cols: weekKeys.length + 1 };
  const drag = useDragSelect({ containerRef, layout, bounds, onDrag: (cell) => grid.select(cell, true) });
  const cellContext: CellContextValue = {
    rect: selectionRect(grid.selection),
    focus: grid.selection.focus,
    onPointerDown: (cell, extend) => {
      grid.onCellPointerDown(cell, extend);
      if (grid.isEditable(cell)) drag.start(cell);
    },
    onDoubleClick: grid.onCellDoubleClick,
  };
  return {
    weekKeys,
    canEdit,
    containerRef,
    /** The rows in view, [start, end), and the spacers' heights above and below them. */
    start,
    end,
    padTop,
    padBottom,
    grid,
    dragging: drag.dragging,
    cellContext,
    editor: { onChange: grid.onEditorChange, onKeyDown: grid.onEditorKeyDown, onBlur: grid.onEditorBlur },
    template: `${layout.leadWidth}px repeat(${weekKeys.length}, ${layout.colWidth}px)`,
    /** Whether a person's hours show read-only: the grid is editable, but not for them. */
    readOnlyFor: (personId: number) => canEdit && !mayEdit(personId),
  };
}
