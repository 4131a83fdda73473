// The input typed into an hours cell. It takes focus as it appears, with the caret
// after what was typed; a refused value is marked invalid and explained.
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { EditState } from './useCellEditing';

/** What the grid does with the editor's input (useGridControls answers them as `editor`). */
export interface EditorHandlers {
  onChange: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

interface Props extends EditorHandlers {
  edit: EditState;
  label: string;
}

export function HoursEditor({ edit, label, onChange, onKeyDown, onBlur }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const element = input.current;
    element?.focus({ preventScroll: true });
    element?.setSelectionRange(element.value.length, element.value.length);
  }, []);
  return (
    <input
      ref={input}
      className="plan-editor"
      inputMode="decimal"
      aria-label={`Hours, ${label}`}
      aria-invalid={edit.error ? true : undefined}
      aria-errormessage={edit.error ? 'plan-edit-error' : undefined}
      title={edit.error ?? undefined}
      value={edit.text}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  );
}
