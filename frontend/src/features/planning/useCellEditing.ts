// The one cell being typed into: where it is, its text and the reason it was refused.
// A ref mirrors the state so blur and key handlers never act on a finished edit.
import { useRef, useState } from 'react';
import type { CellPos } from './selection';

export interface EditState extends CellPos {
  text: string;
  error: string | null;
}

export function useCellEditing() {
  const [editing, setEditingState] = useState<EditState | null>(null);
  const current = useRef<EditState | null>(null);

  function set(next: EditState | null) {
    current.current = next;
    setEditingState(next);
  }

  return {
    editing,
    /** The edit as of now (not as of the last render). */
    current: () => current.current,
    begin: (cell: CellPos, text: string) => set({ ...cell, text, error: null }),
    change: (text: string) => current.current && set({ ...current.current, text, error: null }),
    refuse: (error: string) => current.current && set({ ...current.current, error }),
    end: () => set(null),
  };
}
