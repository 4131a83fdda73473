// One spreadsheet-like field: a button showing the value; click it (or Enter on it) to
// edit in place (see useInlineEdit for the keys). A message from the save (the server's
// words for this field) shows beside the input, which says it is invalid.
import { useId } from 'react';
import { useInlineEdit } from './useInlineEdit';

interface Props {
  /** What the field is, e.g. "Date of IFC": the input's label. */
  label: string;
  /** The text editing starts from. */
  value: string;
  /** The value as read; empty shows a dash (read as "none"). */
  display: string;
  type?: 'text' | 'date';
  inputMode?: 'numeric';
  maxLength?: number;
  readOnly: boolean;
  /** Saves the typed text; resolves null when done, or a message to show. */
  onSave: (text: string) => Promise<string | null>;
}

export function InlineField({ label, value, display, type = 'text', inputMode, maxLength, readOnly, onSave }: Props) {
  const { button, ...edit } = useInlineEdit(value, onSave);
  const messageId = useId();
  const shown = display || (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </>
  );

  if (readOnly) return <span className="inline-field">{shown}</span>;
  if (!edit.editing) {
    return (
      <button ref={button} type="button" className="inline-field inline-field--button" onClick={edit.start}>
        <span className="visually-hidden">{`Edit ${label}:`}</span> {shown}
      </button>
    );
  }
  return (
    <span className="inline-field inline-field--editing">
      <input
        type={type}
        className="inline-field__input"
        aria-label={label}
        aria-invalid={edit.message ? true : undefined}
        aria-describedby={edit.message ? messageId : undefined}
        inputMode={inputMode}
        maxLength={maxLength}
        value={edit.draft}
        autoFocus
        readOnly={edit.saving}
        onChange={(event) => edit.setDraft(event.target.value)}
        onKeyDown={edit.onKeyDown}
        onBlur={edit.onBlur}
      />
      {edit.message && (
        <span id={messageId} className="field__error inline-field__message" role="alert">
          {edit.message}
        </span>
      )}
    </span>
  );
}
