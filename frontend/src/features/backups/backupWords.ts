// Words for backups: what started one, and the restore status in a sentence. Pure
// functions, so the screen and its tests share them.
import type { Backup, RestoreStatus } from '../../api/backups';
import { formatDateTime } from '../../ui/formatTime';

const TRIGGERS: Record<string, string> = {
  schedule: 'Nightly',
  admin: 'By an admin',
  cli: 'Command line',
  pre_restore: 'Before a restore',
};

export function triggerLabel(backup: Pick<Backup, 'trigger'>): string {
  if (!backup.trigger) return '—';
  return TRIGGERS[backup.trigger] ?? backup.trigger;
}

/** The restore status as one sentence, or null when nothing was ever restored. */
export function restoreSentence(status: RestoreStatus): string | null {
  if (status.running) return status.message ?? 'A restore is running; the app is read-only until it ends.';
  const last = status.last;
  if (!last) return null;
  const when = formatDateTime(last.finishedAt);
  if (last.succeeded) {
    const kept = last.previousDatabase ? ` The replaced database is kept as ${last.previousDatabase}.` : '';
    return `${last.archive} was restored on ${when}.${kept}`;
  }
  return `The restore of ${last.archive} failed on ${when}: ${last.message}`;
}
