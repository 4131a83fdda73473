// Toasts: short messages about finished actions in one polite live region, each
// dismissable and gone by itself after a while (see ToastItem). A toast can carry one
// action, such as Undo; Alt+T moves focus to the newest toast's action (or its Dismiss),
// so the keyboard reaches it without tabbing through the page.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ToastItem, type Toast } from './ToastItem';
import { ToastContext, type ShowToast } from './useToast';
import './toast.css';

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const region = useRef<HTMLDivElement>(null);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback<ShowToast>((message, tone = 'success', action) => {
    const id = nextId.current++;
    setToasts((current) => [...current, { id, message, tone, action }]);
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyT') return;
      const newest = region.current?.lastElementChild;
      const button = newest?.querySelector<HTMLElement>('.toast__action') ?? newest?.querySelector<HTMLElement>('button');
      if (!button) return;
      event.preventDefault();
      button.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <ToastContext value={show}>
      {children}
      <div ref={region} className="toasts" role="status" aria-live="polite" aria-label="Notifications" data-testid="toasts">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}
