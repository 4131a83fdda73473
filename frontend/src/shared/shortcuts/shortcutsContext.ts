// How any component opens the keyboard shortcuts overlay (a toolbar's "Keyboard
// shortcuts" button): null outside a ShortcutsProvider, so such a button can hide.
import { createContext, use } from 'react';

export const ShortcutsContext = createContext<(() => void) | null>(null);

/** Opens the overlay; null when no provider is mounted. */
export function useShortcutsHelp(): (() => void) | null {
  return use(ShortcutsContext);
}
