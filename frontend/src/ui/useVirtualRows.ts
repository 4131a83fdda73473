// Fixed-row-height virtualization for long tables: which rows [first, last) to render
// for the scroll container's position and size, and the spacer heights above and below
// them. Until the container is measured (or where it cannot be, as in tests) a
// typical viewport height is assumed.
import { useEffect, useState, type UIEvent } from 'react';

const ASSUMED_VIEWPORT_PX = 640;
const OVERSCAN_ROWS = 8;

export function useVirtualRows<E extends HTMLElement>(count: number, rowHeight: number) {
  const [element, setElement] = useState<E | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(ASSUMED_VIEWPORT_PX);

  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || ASSUMED_VIEWPORT_PX));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN_ROWS);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN_ROWS);
  return {
    /** The scroll container's ref callback. */
    ref: setElement,
    onScroll: (event: UIEvent<E>) => setScrollTop(event.currentTarget.scrollTop),
    first,
    last,
    padTop: first * rowHeight,
    padBottom: Math.max(0, count - last) * rowHeight,
  };
}
