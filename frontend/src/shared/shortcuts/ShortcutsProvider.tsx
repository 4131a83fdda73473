// The app-wide "?" shortcut: pressing ? anywhere except while typing opens the keyboard
// shortcuts overlay; Escape or Close shuts it and the keyboard goes back to where it
// was. Children can open it too (useShortcutsHelp). Mounted once, in the app layout.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { isTypingTarget } from './isTypingTarget';
import { ShortcutsContext } from './shortcutsContext';
import { ShortcutsDialog } from './ShortcutsDialog';

export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);

  const show = useCallback(() => {
    if (document.activeElement instanceof HTMLElement) returnTo.current = document.activeElement;
    setOpen(true);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (open && event.key === 'Escape') close();
      else if (!open && event.key === '?' && !isTypingTarget(event.target)) show();
      else return;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, show, close]);

  // Once the dialog is gone (a modal dialog keeps focus inside it), focus goes back.
  useEffect(() => {
    if (open) return;
    returnTo.current?.focus({ preventScroll: true });
    returnTo.current = null;
  }, [open]);

  return (
    <ShortcutsContext value={show}>
      {children}
      {open && <ShortcutsDialog onClose={close} />}
    </ShortcutsContext>
  );
}
