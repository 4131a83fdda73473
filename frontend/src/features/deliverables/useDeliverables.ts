// A project's deliverables and every write to them. Field saves answer the message to
// show beside the field (null when saved); a stale write (412) reloads the list and says
// so in a toast instead. A date change goes through the shared date-change hook (the
// planned hours move with it). Reordering is optimistic: the new order shows at once, the
// saves run one after another, and a refused one puts the old order back with a message.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  createDeliverable,
  deleteDeliverable,
  deliverableOf,
  fetchDeliverables,
  reorderDeliverables,
  updateDeliverable,
  type Deliverable,
  type DeliverableChanges,
} from '../../api/deliverables';
import { ApiError } from '../../api/errors';
import { isStaleWrite } from '../../api/versioned';
import { errorMessage, writeErrorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { useChangeDeliverableDate } from './reallocation/useChangeDeliverableDate';
import { moveItem } from './deliverableOrder';
import { queryKeys } from '../../api/queryKeys';

/** Saves changes to one deliverable; resolves null when done, else the words to show at `field`. */
export type SaveDeliverable = (deliverable: Deliverable, changes: DeliverableChanges, field: string) => Promise<string | null>;

export const deliverablesKey = queryKeys.deliverables.ofProject;

/** Other views of deliverables (a calendar). */
function refreshOthers(queryClient: QueryClient, project: number) {
  void queryClient.invalidateQueries({
    queryKey: queryKeys.deliverables.all,
    predicate: ({ queryKey }) => !(queryKey[1] === 'project' && queryKey[2] === project),
  });
}

export function useDeliverables(project: number) {
  const key = deliverablesKey(project);
  const queryClient = useQueryClient();
  const toast = useToast();
  const changeDate = useChangeDeliverableDate();
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchDeliverables(project, signal) });
  const setRows = (update: (rows: Deliverable[]) => Deliverable[]) =>
    queryClient.setQueryData<Deliverable[]>(key, (rows) => (rows ? update(rows) : rows));

  const save: SaveDeliverable = async (deliverable, changes, field) => {
    try {
      const saved = deliverableOf(
        changes.date !== undefined ? await changeDate.mutateAsync({ deliverable, changes }) : await updateDeliverable(deliverable, changes),
      );
      setRows((rows) => rows.map((row) => (row.id === saved.id ? saved : row)));
      refreshOthers(queryClient, project);
      return null;
    } catch (error) {
      if (!isStaleWrite(error)) return (error instanceof ApiError && error.fieldMessage(field)) || errorMessage(error);
      toast(writeErrorMessage(error), 'error');
      await queryClient.invalidateQueries({ queryKey: key });
      return null;
    }
  };

  const create = useMutation({
    mutationFn: (fields: DeliverableChanges) => createDeliverable(project, fields),
    onSuccess: (created) => {
      setRows((rows) => [...rows, created]);
      refreshOthers(queryClient, project);
      toast(`Added ${created.description}.`);
    },
  });

  const remove = useMutation({
    mutationFn: deleteDeliverable,
    onSuccess: (_done, removed) => {
      setRows((rows) => rows.filter((row) => row.id !== removed.id));
      refreshOthers(queryClient, project);
      toast(`Deleted ${removed.description}.`);
    },
    onError: (error) => {
      if (isStaleWrite(error)) void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  const reorderKey = ['deliverables', 'reorder', project];
  const reorder = useMutation({
    mutationKey: reorderKey,
    scope: { id: `deliverables-reorder-${project}` },
    mutationFn: ({ order }: { order: number[]; before: Deliverable[] }) => reorderDeliverables(project, order),
    onSuccess: (rows) => {
      // A later move still waiting would be undone on screen by this older answer.
      if (queryClient.isMutating({ mutationKey: reorderKey }) <= 1) queryClient.setQueryData(key, rows);
      refreshOthers(queryClient, project);
    },
    onError: (error, { before }) => {
      queryClient.setQueryData(key, before);
      toast(`The new order was not saved, so the previous order is back. ${errorMessage(error)}`, 'error');
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  /** Moves the deliverable at `from` to index `to`, on screen at once. */
  function move(from: number, to: number) {
    const before = queryClient.getQueryData<Deliverable[]>(key);
    if (!before || from === to || to < 0 || to >= before.length) return;
    const after = moveItem(before, from, to);
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData(key, after);
    reorder.mutate({ order: after.map((row) => row.id), before });
  }

  return { list, save, create, remove, move };
}
