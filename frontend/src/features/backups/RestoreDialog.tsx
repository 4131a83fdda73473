// Restoring a backup replaces the whole database, so the admin types the backup's name
// to confirm. A refusal (a corrupt archive, a backup running) shows here, in words.
import { useState, type FormEvent } from 'react';
import type { Backup } from '../../api/backups';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { errorMessage } from '../../ui/errorMessage';
import { formatDateTime } from '../../ui/formatTime';

interface Props {
  backup: Backup;
  pending: boolean;
  problem: Error | null;
  onRestore: (confirm: string) => void;
  onClose: () => void;
}

export function RestoreDialog({ backup, pending, problem, onRestore, onClose }: Props) {
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === backup.id;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (matches) onRestore(typed.trim());
  }

  return (
    <Dialog title={`Restore ${backup.id}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>
          The whole database goes back to how it was on {formatDateTime(backup.takenAt)}. Everything saved since is
          replaced; a safety backup of the current database is taken first, and the app is read-only while the restore
          runs.
        </p>
        <TextField
          label={`Type ${backup.id} to confirm`}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
        />
        {problem && <FormAlert tone="error">{errorMessage(problem)}</FormAlert>}
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={!matches || pending}>
            {pending ? 'Starting…' : 'Restore this backup'}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
