// Drag-selection arithmetic, pure: which cell lies under the pointer in a scrolled grid
// of fixed-size cells (a sticky header row and lead column; rows need not be rendered,
// so it works with virtualization), and how fast to scroll while the pointer is held
// near or past an edge. Points are relative to the scroll container's client area.
import { clampCell, type Bounds, type CellPos } from './selection';

export interface DragLayout {
  rowHeight: number;
  /** Height of the sticky header above the first row. */
  headerHeight: number;
  /** Width of the sticky lead column (column 0). */
  leadWidth: number;
  /** Width of every data column (1 and up). */
  colWidth: number;
}

export interface Viewport {
  scrollTop: number;
  scrollLeft: number;
  /** The client area's size (without scroll bars). */
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Distance from an edge within which dragging scrolls, and the fastest step (px per frame). */
export const EDGE_PX = 16;
export const MAX_STEP_PX = 30;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/**
 * The data cell under `point`, held to the visible data area (a pointer over the header,
 * the lead column or outside the grid picks the nearest visible cell); null when no
 * data area is visible.
 */
export function cellAtPoint(point: Point, view: Viewport, layout: DragLayout, bounds: Bounds): CellPos | null {
  if (bounds.rows === 0 || bounds.cols < 2 || view.height <= layout.headerHeight || view.width <= layout.leadWidth) return null;
  const y = clamp(point.y, layout.headerHeight, view.height - 1);
  const x = clamp(point.x, layout.leadWidth, view.width - 1);
  const row = Math.floor((y + view.scrollTop - layout.headerHeight) / layout.rowHeight);
  const col = 1 + Math.floor((x + view.scrollLeft - layout.leadWidth) / layout.colWidth);
  const cell = clampCell({ row, col }, bounds);
  return { row: cell.row, col: Math.max(1, cell.col) };
}

/** How far one step scrolls along an axis whose data area spans [start, end). */
function axisStep(at: number, start: number, end: number): number {
  // A third of the depth into the edge zone: gentle near it, quick well past it.
  if (at < start + EDGE_PX) return -Math.min(MAX_STEP_PX, Math.ceil((start + EDGE_PX - at) / 3));
  if (at > end - EDGE_PX) return Math.min(MAX_STEP_PX, Math.ceil((at - (end - EDGE_PX)) / 3));
  return 0;
}

/** The scroll step for a held pointer: faster the further it is past the edge. */
export function edgeScroll(point: Point, view: Viewport, layout: DragLayout): Point {
  return {
    x: axisStep(point.x, layout.leadWidth, view.width),
    y: axisStep(point.y, layout.headerHeight, view.height),
  };
}
