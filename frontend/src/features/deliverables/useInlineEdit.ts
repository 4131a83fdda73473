// The state of one edit-in-place field: not editing, or editing a draft. Enter or
// leaving the input saves (when the text changed), Escape cancels; a message from the
// save keeps the editor open. After Enter or Escape focus goes back to the value's
// button, so the keyboard keeps its place.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export function useInlineEdit(value: string, onSave: (text: string) => Promise<string | null>) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Set while an Enter, Escape or save is in hand: the blur that follows must not save again.
  const busy = useRef(false);
  const refocus = useRef(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [editing]);

  function start() {
    busy.current = false;
    setDraft(value);
    setMessage(null);
    setEditing(true);
  }

  async function commit() {
    busy.current = true;
    if (draft === value) {
      setEditing(false);
      return;
    }
    setSaving(true);
    const problem = await onSave(draft);
    setSaving(false);
    if (problem === null) {
      setEditing(false);
      return;
    }
    busy.current = false;
    refocus.current = false;
    setMessage(problem);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (busy.current) return;
      refocus.current = true;
      void commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      busy.current = true;
      refocus.current = true;
      setEditing(false);
    }
  }

  function onBlur() {
    if (!busy.current) void commit();
  }

  return { editing, draft, setDraft, message, saving, start, onKeyDown, onBlur, button };
}
