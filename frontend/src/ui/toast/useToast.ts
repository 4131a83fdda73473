// The toast context: any component under <ToastProvider> can announce a short message,
// optionally with one action (e.g. "Undo") the person can take from the toast.
import { createContext, useContext } from 'react';

export type ToastTone = 'success' | 'error';

/** A button on a toast: pressing it runs `onAction` and closes the toast. */
export interface ToastAction {
  label: string;
  onAction: () => void;
}

export type ShowToast = (message: string, tone?: ToastTone, action?: ToastAction) => void;

export const ToastContext = createContext<ShowToast | null>(null);

export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast needs a <ToastProvider> above it');
  return show;
}
