// A project's notes, on its page for everyone to read; managers and admins edit them in
// place ("Edit notes": a text area with Save and Cancel; Ctrl+Enter saves, Escape
// cancels), saved with If-Match. When someone else saved first, their notes show above
// the text still being written, to keep or replace.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../../api/errors';
import { updateProject, type Project } from '../../api/projects';
import { isStaleWrite } from '../../api/versioned';
import { FormAlert } from '../../ui/FormAlert';
import { TextAreaField } from '../../ui/TextAreaField';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { queryKeys } from '../../api/queryKeys';

const STALE = 'Someone changed these notes meanwhile: theirs are shown above your text. Save to replace them with yours, or Cancel to keep theirs.';

export function ProjectNotes({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const toast = useToast();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (notes: string) => updateProject(project, { notes }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['projects', 'detail', saved.id], saved);
      toast(`Saved the notes of ${saved.name}.`);
      finish();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.projects.all }),
  });
  const stale = isStaleWrite(update.error);
  const fieldProblem = update.error instanceof ApiError ? update.error.fieldMessage('notes') : undefined;

  function finish() {
    setDraft(null);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  function cancel() {
    update.reset();
    finish();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft !== null) update.mutate(draft);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      submit(event);
    }
  }

  const text = <p className="project-notes__text">{project.notes || <span className="muted">No notes yet.</span>}</p>;
  return (
    <section className="card project-notes" aria-labelledby="project-notes">
      <div className="toolbar">
        <h2 id="project-notes">Notes</h2>
        {canEdit && draft === null && (
          <button ref={editButton} type="button" className="button button--quiet button--small" onClick={() => setDraft(project.notes)}>
            Edit notes
          </button>
        )}
      </div>
      {(draft === null || stale) && text}
      {draft !== null && (
        <form onSubmit={submit} aria-label="Edit notes">
          {update.error && !fieldProblem && <FormAlert tone="error">{stale ? STALE : errorMessage(update.error)}</FormAlert>}
          <TextAreaField label="Project notes" rows={6} maxLength={5000} value={draft} autoFocus
            error={fieldProblem}
            onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={update.isPending || (!stale && draft === project.notes)}>
              {update.isPending ? 'Saving…' : 'Save notes'}
            </button>
            <button type="button" className="button button--quiet" onClick={cancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
