// The inline "Add a …" form above a reference-data list (roles, skills): the server's
// error above the fields unless a field shows it, the fields in one row and the submit
// button level with them, off while the form is not ready or the request runs. Its
// look is ui/referenceData.css's.
import type { FormEvent, ReactNode } from 'react';
import { FormAlert } from './FormAlert';
import { errorMessage } from './errorMessage';
import './referenceData.css';

interface Props {
  /** The form's accessible name: "Add a skill". */
  label: string;
  /** The submit button's words: "Add skill". */
  submitLabel: string;
  /** The last request's error; shown above the fields unless `shownInline`. */
  error: unknown;
  shownInline: boolean;
  busy: boolean;
  /** Whether the form may be sent (its required fields are filled). */
  ready: boolean;
  onSubmit: () => void;
  /** An extra class for a form's own touches (e.g. its column widths). */
  className?: string;
  children: ReactNode;
}

export function InlineCreateForm({ label, submitLabel, error, shownInline, busy, ready, onSubmit, className, children }: Props) {
  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) onSubmit();
  }

  return (
    <form className={['card inline-create', className].filter(Boolean).join(' ')} onSubmit={submit} noValidate aria-label={label}>
      {error !== null && !shownInline && <FormAlert tone="error">{errorMessage(error)}</FormAlert>}
      <div className="inline-create__fields">
        {children}
        <button type="submit" className="button" disabled={busy || !ready}>
          {busy ? 'Adding…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
