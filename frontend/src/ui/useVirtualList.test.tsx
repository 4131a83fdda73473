// Virtual rows on a real (jsdom) scroll container: the first screen plus overscan at the
// top, only the rows around a deep scroll offset, and a row scrolled into view just far
// enough below the sticky header. jsdom lays nothing out, so the container's scroll
// height is given and the viewport is the assumed 600 px.
import { fireEvent, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { useVirtualList } from './useVirtualList';

const ROW = 30;
const HEADER = 34;
const COUNT = 2000;

/** A list showing what the hook answers ("start end padTop padBottom"), revealing row `reveal`. */
function List({ count = COUNT, reveal }: { count?: number; reveal?: number }) {
  const { ref, start, end, padTop, padBottom, scrollToIndex } = useVirtualList<HTMLDivElement>({ count, rowHeight: ROW, headerHeight: HEADER });
  useEffect(() => {
    if (reveal !== undefined) scrollToIndex(reveal);
  }, [reveal, scrollToIndex]);
  return (
    <div ref={ref} data-testid="scroller">
      <output>{[start, end, padTop, padBottom].join(' ')}</output>
    </div>
  );
}

const shown = () => screen.getByRole('status').textContent;

function scrollTo(top: number) {
  const scroller = screen.getByTestId('scroller');
  Object.defineProperty(scroller, 'scrollHeight', { value: HEADER + COUNT * ROW, configurable: true });
  scroller.scrollTop = top;
  fireEvent.scroll(scroller);
  return scroller;
}

describe('useVirtualList', () => {
  it('renders the first screen plus overscan at the top', () => {
    render(<List />);
    // Row 18 ends at 34 + 19 x 30 = 604 px, past the 600 px viewport; then 8 more.
    expect(shown()).toBe(`0 27 0 ${(COUNT - 27) * ROW}`);
  });

  it('renders only the rows around a deep scroll offset', () => {
    render(<List />);
    scrollTo(30_000);
    // 30,000 px down, row 998 is under the header; rows to 1018 fill the view.
    expect(shown()).toBe(`990 1027 ${990 * ROW} ${(COUNT - 1027) * ROW}`);
  });

  it('renders nothing for an empty list', () => {
    render(<List count={0} />);
    expect(shown()).toBe('0 0 0 0');
  });

  it('scrolls just enough to show a row below the header', () => {
    const { rerender } = render(<List />);
    const scroller = scrollTo(300);
    rerender(<List reveal={12} />);
    expect(scroller.scrollTop).toBe(300);
    rerender(<List reveal={0} />);
    expect(scroller.scrollTop).toBe(0);
    rerender(<List reveal={20} />);
    expect(scroller.scrollTop).toBe(HEADER + 21 * ROW - 600);
  });
});
