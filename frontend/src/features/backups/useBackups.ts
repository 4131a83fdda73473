// The backups screen's server state: the archives and the restore status (polled while
// a backup job or a restore runs), and the actions as mutations that refresh both and
// end in a toast (a refused restore shows in its dialog instead).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteBackup, fetchBackups, fetchRestoreStatus, startBackup, startRestore } from '../../api/backups';
import { startedJobId } from '../../api/jobs';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { queryKeys } from '../../api/queryKeys';

/** How often the lists are read again while something runs. */
export const POLL_MS = 3000;

interface ListPolling {
  /** A backup was queued when this was the newest id (null: none): poll until a newer one shows. */
  awaitingNewerThan: string | null | undefined;
  /** A restore runs: poll until it ends. */
  restoring: boolean;
}

export function useBackupList({ awaitingNewerThan, restoring }: ListPolling) {
  return useQuery({
    queryKey: queryKeys.backups.all,
    queryFn: ({ signal }) => fetchBackups(signal),
    refetchInterval: (query) => {
      const newest = query.state.data?.items[0]?.id ?? null;
      const awaiting = awaitingNewerThan !== undefined && newest === awaitingNewerThan;
      return awaiting || restoring ? POLL_MS : false;
    },
  });
}

export function useRestoreStatus() {
  return useQuery({
    queryKey: queryKeys.backups.restore,
    queryFn: ({ signal }) => fetchRestoreStatus(signal),
    refetchInterval: (query) => (query.state.data?.running ? POLL_MS : false),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.backups.all });
}

export function useBackupActions() {
  const toast = useToast();
  const refresh = useRefresh();
  const failed = (error: Error) => toast(errorMessage(error), 'error');

  const create = useMutation({
    mutationFn: startBackup,
    onSuccess: (queued) => toast(`Backup queued as job #${startedJobId(queued)}; it appears here when it is written.`),
    onError: failed,
    onSettled: refresh,
  });

  const remove = useMutation({
    mutationFn: deleteBackup,
    onSuccess: (_, id) => toast(`${id} deleted.`),
    onError: failed,
    onSettled: refresh,
  });

  const restore = useMutation({
    mutationFn: ({ id, confirm }: { id: string; confirm: string }) => startRestore(id, confirm),
    onSuccess: (_, { id }) => toast(`Restoring ${id}; the app is read-only until it ends.`),
    onSettled: refresh,
  });

  return { create, remove, restore };
}
