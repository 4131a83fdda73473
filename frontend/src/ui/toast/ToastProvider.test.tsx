// Toasts with an action: announced in the polite status region, the action reachable by
// Tab and by Alt+T, kept while hovered or focused, closed by the action, Dismiss or
// Escape with focus going back; plain toasts still go by themselves.
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from './ToastProvider';
import { useToast, type ToastAction } from './useToast';

function Raise({ action }: { action?: ToastAction }) {
  const toast = useToast();
  return <button type="button" onClick={() => toast('Moved 2 assignments 2 weeks later.', 'success', action)}>Raise</button>;
}

/** Lets `ms` of time go by. */
function pass(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

function renderToasts(action?: ToastAction) {
  render(
    <ToastProvider>
      <Raise {...(action ? { action } : {})} />
    </ToastProvider>,
  );
  return screen.getByRole('button', { name: 'Raise' });
}

describe('ToastProvider', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it('shows the action in the status region and runs it once, closing the toast', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onAction = vi.fn();
    await user.click(renderToasts({ label: 'Undo', onAction }));

    const region = screen.getByRole('status', { name: 'Notifications' });
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('Moved 2 assignments 2 weeks later.');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(region).toBeEmptyDOMElement();
  });

  it('reaches the action by Tab and by Alt+T, and gives focus back after pressing it', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onAction = vi.fn();
    const raise = renderToasts({ label: 'Undo', onAction });
    await user.click(raise);

    await user.tab();
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();

    raise.focus();
    await user.keyboard('{Alt>}t{/Alt}');
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(raise).toHaveFocus();
  });

  it('stays while focused or hovered and closes after the time left once both end', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const raise = renderToasts({ label: 'Undo', onAction: vi.fn() });
    await user.click(raise);
    const undo = screen.getByRole('button', { name: 'Undo' });

    pass(10_000);
    act(() => undo.focus());
    pass(60_000);
    expect(undo).toBeInTheDocument();

    fireEvent.mouseEnter(undo.parentElement as HTMLElement);
    act(() => raise.focus());
    pass(60_000);
    expect(undo).toBeInTheDocument();

    fireEvent.mouseLeave(undo.parentElement as HTMLElement);
    pass(4_000);
    expect(undo).toBeInTheDocument();
    pass(1_100);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('closes on Escape inside it, and a toast without an action goes by itself sooner', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const raise = renderToasts();
    await user.click(raise);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    await user.keyboard('{Alt>}t{/Alt}');
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(raise).toHaveFocus();

    await user.click(raise);
    pass(6_100);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
