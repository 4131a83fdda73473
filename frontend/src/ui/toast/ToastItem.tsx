// One toast: its message, the action button when it has one, and Dismiss. It closes by
// itself after a while, but never while the pointer is on it or focus is in it. Escape
// in it closes it. When it closes with focus inside (its action or Dismiss was pressed),
// focus goes back to where the person came from, so the keyboard keeps its place.
import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useDismissTimer } from './useDismissTimer';
import type { ToastAction, ToastTone } from './useToast';

export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
  action?: ToastAction | undefined;
}

const TOAST_MS = 6_000;
// Long enough to reach the button from the keyboard (Tab or Alt+T) after reading.
const ACTION_TOAST_MS = 15_000;

export function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const element = useRef<HTMLDivElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const { action } = toast;

  useDismissTimer(action ? ACTION_TOAST_MS : TOAST_MS, hovered || focused, () => onDismiss(toast.id));

  function close() {
    const target = cameFrom.current;
    if (element.current?.contains(document.activeElement) && target?.isConnected) target.focus({ preventScroll: true });
    onDismiss(toast.id);
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    if (!focused && event.relatedTarget instanceof HTMLElement && !event.currentTarget.contains(event.relatedTarget)) {
      cameFrom.current = event.relatedTarget;
    }
    setFocused(true);
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  }

  return (
    <div ref={element} className={`toast toast--${toast.tone}`} data-toast-id={toast.id}
      onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}
      onFocus={onFocus} onBlur={onBlur} onKeyDown={onKeyDown}>
      <span className="toast__message">{toast.message}</span>
      {action && (
        <button type="button" className="button button--small toast__action"
          onClick={() => { close(); action.onAction(); }}>
          {action.label}
        </button>
      )}
      <button type="button" className="toast__close" onClick={close}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Dismiss</span>
      </button>
    </div>
  );
}
