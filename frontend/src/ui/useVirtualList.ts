// Row virtualization for a scroll container of fixed-height rows, on TanStack Virtual:
// which rows [start, end) to render (the rows in view plus an overscan each side), the
// spacer heights that stand in for the rest, and scrolling a row into view below a
// sticky header. Until the container is measured (or where it cannot be: jsdom lays
// nothing out) a typical viewport height is assumed, so rows render in tests too.
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';

const ASSUMED_VIEWPORT_PX = 600;
const OVERSCAN_ROWS = 8;

export interface VirtualListOptions {
  count: number;
  rowHeight: number;
  /** Height of a sticky header inside the container, above the first row. */
  headerHeight?: number;
}

/** The library's size observer, with the assumed height for a container of no height. */
function observeRect<E extends HTMLElement>(instance: Virtualizer<E, Element>, onRect: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : { width: rect.width, height: ASSUMED_VIEWPORT_PX }));
}

export function useVirtualList<E extends HTMLElement>({ count, rowHeight, headerHeight = 0 }: VirtualListOptions) {
  const ref = useRef<E>(null);
  // The app does not run React Compiler, and nothing memoized keeps the virtualizer's
  // answers: they are read afresh each render, and scrollToIndex asks the live instance.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<E, Element>({
    count,
    getScrollElement: () => ref.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN_ROWS,
    // Rows start below the header, and a row scrolled into view must clear it.
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    initialRect: { width: 0, height: ASSUMED_VIEWPORT_PX },
    observeElementRect: observeRect,
    // A scroll re-renders in React's next batch, as the hand-written hooks did: a flushSync
    // from a scroll React itself started (a row revealed from an effect) would be refused.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = (items.at(-1)?.index ?? -1) + 1;
  const scrollToIndex = useCallback((index: number) => virtualizer.scrollToIndex(index), [virtualizer]);
  return {
    /** The scroll container's ref. */
    ref,
    start,
    end,
    padTop: start * rowHeight,
    padBottom: (count - end) * rowHeight,
    /** Scrolls just enough to show the row (unchanged when it is in view). */
    scrollToIndex,
  };
}
