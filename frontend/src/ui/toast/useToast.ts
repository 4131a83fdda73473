// The toast context: any component under <ToastProvider> can announce a short message.
import { createContext, useContext } from 'react';

export type ToastTone = 'success' | 'error';

export type ShowToast = (message: string, tone?: ToastTone) => void;

export const ToastContext = createContext<ShowToast | null>(null);

export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast needs a <ToastProvider> above it');
  return show;
}
