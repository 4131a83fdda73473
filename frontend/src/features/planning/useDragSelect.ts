// Mouse drag-selection for a virtualized grid: start(cell) on a mouse down, then the
// cell under the pointer (found by arithmetic, see dragRange.ts, so rows scrolled into
// view during the drag count too) goes to onDrag whenever it changes; holding the
// pointer near or past an edge scrolls the grid. A mouse up anywhere ends the drag.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { cellAtPoint, edgeScroll, type DragLayout, type Point, type Viewport } from './dragRange';
import type { Bounds, CellPos } from './selection';

export interface DragSelectOptions {
  containerRef: RefObject<HTMLElement | null>;
  layout: DragLayout;
  bounds: Bounds;
  /** The cell under the pointer, each time it changes (extend the selection to it). */
  onDrag: (cell: CellPos) => void;
}

function viewportOf(element: HTMLElement): Viewport {
  return { scrollTop: element.scrollTop, scrollLeft: element.scrollLeft, width: element.clientWidth, height: element.clientHeight };
}

/** The pointer relative to the element's client area (inside its borders). */
function pointIn(element: HTMLElement, event: MouseEvent): Point {
  const rect = element.getBoundingClientRect();
  return { x: event.clientX - rect.left - element.clientLeft, y: event.clientY - rect.top - element.clientTop };
}

export function useDragSelect(options: DragSelectOptions) {
  // Listeners live for the whole drag; they read the latest options through this ref.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const [dragging, setDragging] = useState(false);
  const stopDrag = useRef<(() => void) | null>(null);
  useEffect(() => () => stopDrag.current?.(), []);

  function start(from: CellPos) {
    stopDrag.current?.();
    let point: Point | null = null;
    let last = from;
    let frame = 0;

    const follow = (element: HTMLElement) => {
      const { layout, bounds, onDrag } = latest.current;
      const cell = point && cellAtPoint(point, viewportOf(element), layout, bounds);
      if (!cell || (cell.row === last.row && cell.col === last.col)) return;
      last = cell;
      onDrag(cell);
      setDragging(true);
    };
    // One frame of edge scrolling; it keeps going while the grid still moves.
    const scrollStep = () => {
      frame = 0;
      const element = latest.current.containerRef.current;
      if (!element || !point) return;
      const step = edgeScroll(point, viewportOf(element), latest.current.layout);
      const before = { top: element.scrollTop, left: element.scrollLeft };
      element.scrollTop += step.y;
      element.scrollLeft += step.x;
      if (element.scrollTop === before.top && element.scrollLeft === before.left) return;
      follow(element);
      frame = requestAnimationFrame(scrollStep);
    };
    const onMove = (event: MouseEvent) => {
      const element = latest.current.containerRef.current;
      // No button held: the mouse up happened where the page could not see it.
      if (event.buttons === 0) return stop();
      if (!element) return;
      point = pointIn(element, event);
      follow(element);
      if (!frame) frame = requestAnimationFrame(scrollStep);
    };
    const stop = () => {
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', stop);
      cancelAnimationFrame(frame);
      stopDrag.current = null;
      setDragging(false);
    };
    window.addEventListener('mousemove', onMove);
    window.addEventListener('mouseup', stop);
    stopDrag.current = stop;
  }

  return { dragging, start };
}
