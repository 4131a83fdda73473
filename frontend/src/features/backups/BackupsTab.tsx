// /admin/backups: the database backups, newest first, with size, date, what started
// each and whether it is verified; a backup now; per backup a download, a restore (with
// the name typed to confirm) and a delete (confirmed). While a restore runs the screen
// says so and polls until it ends.
import { useState } from 'react';
import { downloadBackup, type Backup } from '../../api/backups';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DownloadButton } from '../../ui/DownloadButton';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { formatDateTime } from '../../ui/formatTime';
import { formatBytes } from '../../ui/formatBytes';
import { RestoreDialog } from './RestoreDialog';
import { restoreSentence, triggerLabel } from './backupWords';
import { useBackupActions, useBackupList, useRestoreStatus } from './useBackups';

type Pending = { action: 'delete' | 'restore'; backup: Backup } | null;

export function BackupsTab() {
  const status = useRestoreStatus();
  const { create, remove, restore } = useBackupActions();
  // After "Back up now": the newest backup's id at that moment, until a newer one shows.
  const [newestWhenQueued, setNewestWhenQueued] = useState<string | null | undefined>(undefined);
  const list = useBackupList({ awaitingNewerThan: newestWhenQueued, restoring: Boolean(status.data?.running) });
  const [pending, setPending] = useState<Pending>(null);
  const sentence = status.data ? restoreSentence(status.data) : null;
  const lastFailed = status.data?.running === false && status.data.last?.succeeded === false;
  const close = () => {
    setPending(null);
    restore.reset();
  };

  return (
    <section aria-label="Backups">
      <title>Backups · Admin · Workload Tracker</title>
      <p className="muted">
        A backup is taken every night and kept 7 days, 4 weeks and 12 months. Only verified backups can be restored.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={create.isPending}
          onClick={() =>
            create.mutate(undefined, { onSuccess: () => setNewestWhenQueued(list.data?.items[0]?.id ?? null) })
          }
        >
          {create.isPending ? 'Queueing…' : 'Back up now'}
        </button>
      </div>
      {sentence &&
        (lastFailed ? (
          <FormAlert tone="error">{sentence}</FormAlert>
        ) : (
          <p className="backups-restore" role="status">
            {sentence}
          </p>
        ))}
      {list.error && <FormAlert tone="error">{errorMessage(list.error)}</FormAlert>}
      {list.isPending && !list.error && (
        <p className="muted" role="status">
          Loading the backups…
        </p>
      )}
      {list.data && list.data.items.length === 0 && <p className="muted">No backups yet.</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="data-table backups-table">
          <thead>
            <tr>
              <th scope="col">Backup</th>
              <th scope="col">Taken</th>
              <th scope="col">Size</th>
              <th scope="col">Started by</th>
              <th scope="col">Verified</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((backup) => (
              <tr key={backup.id} data-testid={`backup-${backup.id}`}>
                <td>{backup.id}</td>
                <td>
                  <time dateTime={backup.takenAt}>{formatDateTime(backup.takenAt)}</time>
                </td>
                <td>{formatBytes(backup.bytes)}</td>
                <td>{triggerLabel(backup)}</td>
                <td>{backup.verified ? 'Verified' : 'Not verified'}</td>
                <td>
                  <div className="row-actions">
                    <DownloadButton
                      label="Download"
                      fetchFile={() => downloadBackup(backup.id)}
                      fallbackName={backup.fileName}
                    />
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      disabled={!backup.verified || Boolean(status.data?.running)}
                      onClick={() => setPending({ action: 'restore', backup })}
                    >
                      Restore…
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => setPending({ action: 'delete', backup })}
                    >
                      Delete…
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending?.action === 'delete' && (
        <ConfirmDialog
          title={`Delete ${pending.backup.id}?`}
          confirmLabel="Delete the backup"
          pending={remove.isPending}
          onConfirm={() => remove.mutate(pending.backup.id, { onSuccess: close })}
          onClose={close}
        >
          <p>The archive and its description are removed from the server. This cannot be undone.</p>
        </ConfirmDialog>
      )}
      {pending?.action === 'restore' && (
        <RestoreDialog
          backup={pending.backup}
          pending={restore.isPending}
          problem={restore.error}
          onRestore={(confirm) => restore.mutate({ id: pending.backup.id, confirm }, { onSuccess: close })}
          onClose={close}
        />
      )}
    </section>
  );
}
