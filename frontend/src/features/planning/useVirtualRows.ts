// Row virtualization for a scroll container with fixed-height rows below a sticky
// header: only the rows in view (plus an overscan on each side) are rendered, with
// spacers standing in for the rest. visibleRange() is the pure arithmetic.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface RowRange {
  /** First rendered row (inclusive). */
  start: number;
  /** One past the last rendered row. */
  end: number;
}

export interface VirtualMetrics {
  count: number;
  rowHeight: number;
  /** Height of the sticky header above the first row. */
  headerHeight: number;
  overscan: number;
}

export function visibleRange(scrollTop: number, viewportHeight: number, metrics: VirtualMetrics): RowRange {
  const { count, rowHeight, headerHeight, overscan } = metrics;
  const top = Math.max(0, scrollTop - headerHeight);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((scrollTop + viewportHeight - headerHeight) / rowHeight);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.max(0, Math.min(count, last + overscan)) };
}

/** The scrollTop that brings `index` into view (unchanged when it already is). */
export function scrollTopFor(index: number, scrollTop: number, viewportHeight: number, metrics: VirtualMetrics): number {
  const rowTop = metrics.headerHeight + index * metrics.rowHeight;
  if (rowTop - metrics.headerHeight < scrollTop) return rowTop - metrics.headerHeight;
  if (rowTop + metrics.rowHeight > scrollTop + viewportHeight) return rowTop + metrics.rowHeight - viewportHeight;
  return scrollTop;
}

export function useVirtualRows(metrics: VirtualMetrics) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ scrollTop: 0, height: 600 });

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const measure = () => setView({ scrollTop: container.scrollTop, height: container.clientHeight || 600 });
    measure();
    container.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(container);
    return () => {
      container.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, []);

  const range = visibleRange(view.scrollTop, view.height, metrics);
  const { count, rowHeight, headerHeight, overscan } = metrics;

  const scrollToIndex = useCallback(
    (index: number) => {
      const container = containerRef.current;
      if (!container) return;
      const metricsNow = { count, rowHeight, headerHeight, overscan };
      const next = scrollTopFor(index, container.scrollTop, container.clientHeight || 600, metricsNow);
      if (next !== container.scrollTop) container.scrollTop = next;
    },
    [count, rowHeight, headerHeight, overscan],
  );

  return {
    containerRef,
    range,
    paddingTop: range.start * rowHeight,
    paddingBottom: (count - range.end) * rowHeight,
    scrollToIndex,
  };
}
