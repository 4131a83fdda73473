// Drag-selection arithmetic: the cell under the pointer in a scrolled, virtualized grid
// (held to the visible data cells) and the scroll step near and past the edges.
import { describe, expect, it } from 'vitest';
import { cellAtPoint, edgeScroll, MAX_STEP_PX, type Viewport } from './dragRange';

const layout = { rowHeight: 30, headerHeight: 34, leadWidth: 260, colWidth: 64 };
const bounds = { rows: 2000, cols: 27 };
const top: Viewport = { scrollTop: 0, scrollLeft: 0, width: 900, height: 600 };

describe('cellAtPoint', () => {
  it('finds the row and week under the pointer', () => {
    expect(cellAtPoint({ x: 261, y: 35 }, top, layout, bounds)).toEqual({ row: 0, col: 1 });
    expect(cellAtPoint({ x: 260 + 64 * 2 + 10, y: 34 + 30 * 3 + 29 }, top, layout, bounds)).toEqual({ row: 3, col: 3 });
  });

  it('counts rows and weeks scrolled away, rendered or not', () => {
    const deep = { ...top, scrollTop: 30_000, scrollLeft: 640 };
    // 30,000 px down is row 1000 at the top of the data area; 640 px right is 10 weeks.
    expect(cellAtPoint({ x: 261, y: 35 }, deep, layout, bounds)).toEqual({ row: 1000, col: 11 });
  });

  it('holds a pointer over the header, the name column or outside to the nearest visible cell', () => {
    const scrolled = { ...top, scrollTop: 300 };
    expect(cellAtPoint({ x: 100, y: 10 }, scrolled, layout, bounds)).toEqual({ row: 10, col: 1 });
    expect(cellAtPoint({ x: 5000, y: 5000 }, top, layout, bounds)).toEqual({ row: 18, col: 10 });
    expect(cellAtPoint({ x: -50, y: -50 }, top, layout, bounds)).toEqual({ row: 0, col: 1 });
  });

  it('stays inside the grid and answers null when no data cell shows', () => {
    const small = { rows: 3, cols: 4 };
    expect(cellAtPoint({ x: 899, y: 599 }, top, layout, small)).toEqual({ row: 2, col: 3 });
    expect(cellAtPoint({ x: 300, y: 100 }, top, layout, { rows: 0, cols: 4 })).toBeNull();
    expect(cellAtPoint({ x: 300, y: 100 }, { ...top, height: 0, width: 0 }, layout, bounds)).toBeNull();
  });
});

describe('edgeScroll', () => {
  it('does not scroll in the middle of the grid', () => {
    expect(edgeScroll({ x: 500, y: 300 }, top, layout)).toEqual({ x: 0, y: 0 });
  });

  it('scrolls toward an edge the pointer is near or past, faster the further past', () => {
    expect(edgeScroll({ x: 500, y: 595 }, top, layout)).toEqual({ x: 0, y: 4 });
    expect(edgeScroll({ x: 500, y: 700 }, top, layout)).toEqual({ x: 0, y: MAX_STEP_PX });
    expect(edgeScroll({ x: 500, y: 20 }, top, layout)).toEqual({ x: 0, y: -10 });
    expect(edgeScroll({ x: 250, y: 300 }, top, layout)).toEqual({ x: -9, y: 0 });
    expect(edgeScroll({ x: 1200, y: -200 }, top, layout)).toEqual({ x: MAX_STEP_PX, y: -MAX_STEP_PX });
  });
});
