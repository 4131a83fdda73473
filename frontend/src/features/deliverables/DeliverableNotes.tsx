// A deliverable's notes: the toggle in its row (the first line of the notes, or "Add
// notes"), and the notes expanded under the row: editors get a text area with Save and
// Cancel (Escape cancels too), readers the text.
import { useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import type { Deliverable } from '../../api/deliverables';
import { TextAreaField } from '../../ui/TextAreaField';
import type { SaveDeliverable } from './useDeliverables';

interface ToggleProps {
  ref: Ref<HTMLButtonElement>;
  /** The deliverable's description. */
  name: string;
  notes: string;
  open: boolean;
  /** Id of the notes row it opens. */
  controls: string;
  onToggle: () => void;
}

export function NotesToggle({ ref, name, notes, open, controls, onToggle }: ToggleProps) {
  return (
    <button ref={ref} type="button" className="notes-toggle" aria-expanded={open} aria-controls={open ? controls : undefined} onClick={onToggle}>
      {notes ? (
        <>
          <span className="visually-hidden">{`Notes for ${name}:`}</span>{' '}
          <span className="notes-toggle__text">{notes}</span>
        </>
      ) : (
        <>
          Add notes <span className="visually-hidden">{`for ${name}`}</span>
        </>
      )}
    </button>
  );
}

interface Props {
  deliverable: Deliverable;
  canEdit: boolean;
  save: SaveDeliverable;
  onClose: () => void;
}

export function DeliverableNotes({ deliverable, canEdit, save, onClose }: Props) {
  const [draft, setDraft] = useState(deliverable.notes);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = deliverable.description;

  if (!canEdit) return <p className="deliverable-notes">{deliverable.notes}</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await save(deliverable, { notes: draft }, 'notes');
    setSaving(false);
    if (answer === null) onClose();
    else setProblem(answer);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  }

  return (
    <form className="deliverable-notes" onSubmit={(event) => void submit(event)} aria-label={`Notes for ${name}`}>
      <TextAreaField label={`Notes for ${name}`} maxLength={5000} value={draft} error={problem ?? undefined} autoFocus
        onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} />
      <div className="form-actions">
        <button type="submit" className="button button--small" disabled={saving || draft === deliverable.notes}>
          {saving ? 'Saving…' : 'Save notes'}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
