// Keyboard and pointer behaviour of the planning grid, composed from the selection and
// editing hooks: arrows move (Shift extends), typing starts an edit, Enter/Tab commit
// and move, Escape cancels, Delete clears; a committed value fills the whole selected
// range. Valid edits go to the save queue; a refused one keeps the editor open.
// Both grids use it: people with their assignments, and projects with their people.
// Optional: canEditCell narrows which hour cells may change, onUndo answers Ctrl/Cmd+Z
// (the cells it put back are then selected).
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import type { CellEdit, HoursRow, Overlay } from './gridModel';
import { cellHours, rangeOfEdits } from './gridModel';
import { formatHours, parseHours } from './hoursInput';
import { cellsOf, isSingleCell, type CellPos, type Direction } from './selection';
import { useCellEditing } from './useCellEditing';
import { useGridSelection } from './useGridSelection';

/**
 * A row as the keyboard sees it: hours to edit, a person or project to expand, "Add
 * project", or a row still loading.
 */
export type InteractionRow =
  | { kind: 'assignment'; assignment: HoursRow }
  | { kind: 'person'; person: { id: number } }
  | { kind: 'project'; project: { id: number } }
  | { kind: 'add'; person: { id: number } }
  | { kind: 'pending' };

interface Options {
  rows: readonly InteractionRow[];
  weekKeys: readonly string[];
  canEdit: boolean;
  overlay: Overlay;
  onEdit: (edits: CellEdit[]) => void;
  /** Expands or collapses a person (people grid) or a project (project grid). */
  onToggle: (id: number) => void;
  onAddProject?: ((personId: number) => void) | undefined;
  gridRef: RefObject<HTMLDivElement | null>;
  reveal: (cell: CellPos) => void;
  /** Whether this hour cell may change (every one of them, with canEdit, when left out). */
  canEditCell?: ((cell: CellPos) => boolean) | undefined;
  /** Undoes the last edit and answers the cells it put back. */
  onUndo?: (() => CellEdit[]) | undefined;
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** Ctrl+Z, or Cmd+Z on a Mac (with Shift it means redo, which the grid does not offer). */
function isUndoKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z';
}

export function useGridInteraction(options: Options) {
  const { rows, weekKeys, canEdit, overlay, gridRef, reveal } = options;
  const bounds = { rows: rows.length, cols: weekKeys.length + 1 };
  const { selection, select, move, selectRange } = useGridSelection(bounds);
  const editor = useCellEditing();
  const { row: focusRow, col: focusCol } = selection.focus;

  useEffect(() => reveal({ row: focusRow, col: focusCol }), [focusRow, focusCol, reveal]);

  function editFor({ row, col }: CellPos, hours: number): CellEdit | null {
    const target = rows[row];
    const week = weekKeys[col - 1];
    if (!isEditable({ row, col }) || target?.kind !== 'assignment' || week === undefined) return null;
    return cellHours(target.assignment, week, overlay) === hours ? null : { assignmentId: target.assignment.id, week, hours };
  }

  function apply(cells: CellPos[], hours: number) {
    const edits = cells.map((cell) => editFor(cell, hours)).filter((edit) => edit !== null);
    if (edits.length > 0) options.onEdit(edits);
  }

  function isEditable(cell: CellPos): boolean {
    return canEdit && cell.col >= 1 && rows[cell.row]?.kind === 'assignment' && (options.canEditCell?.(cell) ?? true);
  }

  function undo() {
    const range = rangeOfEdits(rows, weekKeys, options.onUndo?.() ?? []);
    if (range) selectRange(range);
  }

  function valueAt({ row, col }: CellPos): string {
    const target = rows[row];
    const week = weekKeys[col - 1];
    return target?.kind === 'assignment' && week ? formatHours(cellHours(target.assignment, week, overlay)) : '';
  }

  /** Ends the edit; false (editor stays open) when the text is not valid hours. */
  function commit(direction: Direction | null, extend = false): boolean {
    const edit = editor.current();
    if (!edit) return true;
    const parsed = parseHours(edit.text);
    if (!parsed.ok) {
      editor.refuse(parsed.message);
      return false;
    }
    const fill = !isSingleCell(selection);
    apply(fill ? cellsOf(selection) : [edit], parsed.hours);
    editor.end();
    gridRef.current?.focus({ preventScroll: true });
    if (direction && !fill) move(direction, extend);
    return true;
  }

  function cancel() {
    editor.end();
    gridRef.current?.focus({ preventScroll: true });
  }

  function activate() {
    const target = rows[focusRow];
    if (!target) return;
    if (focusCol === 0 && target.kind === 'person') options.onToggle(target.person.id);
    else if (focusCol === 0 && target.kind === 'project') options.onToggle(target.project.id);
    else if (focusCol === 0 && target.kind === 'add') options.onAddProject?.(target.person.id);
    else if (isEditable(selection.focus)) editor.begin(selection.focus, valueAt(selection.focus));
    else move('down');
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    if (options.onUndo && isUndoKey(event) && !editor.current()) {
      event.preventDefault();
      undo();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const { key, shiftKey } = event;
    const pending = editor.current();
    // Keys typed before the editor took focus still belong to the edit.
    if (pending && key.length === 1) {
      editor.change(pending.text + key);
      event.preventDefault();
      return;
    }
    const arrow = ARROWS[key];
    const tabTo = shiftKey ? focusCol - 1 : focusCol + 1;
    if (arrow) move(arrow, shiftKey);
    else if (key === 'Tab' && tabTo >= 0 && tabTo < bounds.cols) move(shiftKey ? 'left' : 'right');
    else if (key === 'Enter') activate();
    else if (key === 'F2' && isEditable(selection.focus)) editor.begin(selection.focus, valueAt(selection.focus));
    else if (key === 'Home' || key === 'End') select({ row: focusRow, col: key === 'Home' ? 0 : bounds.cols - 1 });
    else if (key === 'Delete' || key === 'Backspace') apply(cellsOf(selection), 0);
    else if (key === 'Escape') select(selection.focus);
    else if (/^[\d.,]$/.test(key) && isEditable(selection.focus)) editor.begin(selection.focus, key);
    else return;
    event.preventDefault();
  }

  function onEditorKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const { key, shiftKey } = event;
    event.stopPropagation();
    if (key === 'Enter') commit(shiftKey ? 'up' : 'down');
    else if (key === 'Tab') commit(shiftKey ? 'left' : 'right');
    else if (key === 'ArrowUp' || key === 'ArrowDown') commit(key === 'ArrowUp' ? 'up' : 'down');
    else if (key === 'Escape') cancel();
    else return;
    event.preventDefault();
  }

  return {
    selection,
    editing: editor.editing,
    /** Selects a cell, or extends the range to it (drag-selection does). */
    select,
    isEditable,
    onGridKeyDown,
    onEditorKeyDown,
    onEditorChange: editor.change,
    /** Leaving the editor by pointer keeps a valid value and drops an invalid one. */
    onEditorBlur: () => {
      if (editor.current() && !commit(null)) editor.end();
    },
    onCellPointerDown: (cell: CellPos, extend: boolean) => {
      select(cell, extend);
      gridRef.current?.focus({ preventScroll: true });
    },
    onCellDoubleClick: (cell: CellPos) => {
      if (isEditable(cell)) editor.begin(cell, valueAt(cell));
    },
  };
}
