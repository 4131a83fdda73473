// Cell selection of the grid, pure: an anchor and a focus cell span a rectangle.
// Arrows move the focus (and collapse the range), Shift+arrows move only the focus so
// the rectangle grows or shrinks; everything stays inside the grid's bounds.
export interface CellPos {
  row: number;
  col: number;
}

export interface Selection {
  anchor: CellPos;
  focus: CellPos;
}

export interface Bounds {
  rows: number;
  cols: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const STEP: Record<Direction, CellPos> = {
  up: { row: -1, col: 0 },
  down: { row: 1, col: 0 },
  left: { row: 0, col: -1 },
  right: { row: 0, col: 1 },
};

export function clampCell(cell: CellPos, bounds: Bounds): CellPos {
  return {
    row: Math.max(0, Math.min(bounds.rows - 1, cell.row)),
    col: Math.max(0, Math.min(bounds.cols - 1, cell.col)),
  };
}

export function collapsed(cell: CellPos): Selection {
  return { anchor: cell, focus: cell };
}

/** The focus one step away; with `extend` the anchor stays, otherwise it follows. */
export function moveSelection(selection: Selection, direction: Direction, bounds: Bounds, extend = false): Selection {
  const step = STEP[direction];
  const focus = clampCell({ row: selection.focus.row + step.row, col: selection.focus.col + step.col }, bounds);
  return extend ? { anchor: selection.anchor, focus } : collapsed(focus);
}

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function selectionRect({ anchor, focus }: Selection): Rect {
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

export function isSingleCell(selection: Selection): boolean {
  return selection.anchor.row === selection.focus.row && selection.anchor.col === selection.focus.col;
}

export function inRect(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

/** Every cell of the selection's rectangle, row by row. */
export function cellsOf(selection: Selection): CellPos[] {
  const rect = selectionRect(selection);
  const cells: CellPos[] = [];
  for (let row = rect.top; row <= rect.bottom; row += 1) {
    for (let col = rect.left; col <= rect.right; col += 1) cells.push({ row, col });
  }
  return cells;
}
