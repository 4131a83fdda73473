// Wires the save queue to the app: batches go to PATCH /api/assignments/hours, saved
// batches are written into every cached grid of the view (the other view's grids hold
// the same rows, so they reload when next shown), failures roll back with the server's
// words in a toast, and a 412 reloads the grid. Pending edits are sent on leaving the
// view, and on leaving the page (useFlushOnLeave).
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { saveHours, type GridData } from '../../api/planning';
import { isStaleWrite } from '../../api/versioned';
import { useToast } from '../../ui/toast/useToast';
import { applySaved, BY_PERSON, versionsOf, type HoursData, type HoursGrouping } from './gridModel';
import { saveErrorMessage } from './saveErrorMessage';
import { SaveQueue } from './saveQueue';
import { useFlushOnLeave } from './useFlushOnLeave';
import { queryKeys } from '../../api/queryKeys';

/** Every planning grid's cache lives under this key. */
export const PLANNING_KEY = queryKeys.planning.all;
export const GRID_KEY = queryKeys.planning.grid;

/** One view's cached grids: where its queue reads row versions and writes saved hours. */
export interface HoursCache<T extends HoursData> {
  queryKey: QueryKey;
  grouping: HoursGrouping<T>;
}

/** The people grid's cache: its hours group by person. */
export const PEOPLE_GRIDS: HoursCache<GridData> = { queryKey: GRID_KEY, grouping: BY_PERSON };

export function useHoursSaveQueue<T extends HoursData>(cache: HoursCache<T>) {
  const queryClient = useQueryClient();
  const toast = useToast();

  const [queue] = useState(
    () =>
      new SaveQueue({
        send: saveHours,
        currentVersion: (id) => {
          const versions = queryClient
            .getQueriesData<T>({ queryKey: cache.queryKey })
            .flatMap(([, data]) => (data === undefined ? [] : versionsOf(data, id)));
          return versions.length > 0 ? Math.max(...versions) : undefined;
        },
        onSaved: (edits, results) => {
          void queryClient.invalidateQueries({ queryKey: PLANNING_KEY, refetchType: 'none' });
          queryClient.setQueriesData<T>({ queryKey: cache.queryKey }, (old) => (old === undefined ? old : applySaved(cache.grouping, old, edits, results)));
        },
        onFailed: (error, edits) => {
          toast(saveErrorMessage(error, edits), 'error');
          if (isStaleWrite(error)) void queryClient.invalidateQueries({ queryKey: cache.queryKey });
        },
      }),
  );

  useEffect(() => () => void queue.flush(), [queue]);
  useFlushOnLeave(queue);
  const state = useSyncExternalStore(queue.subscribe, queue.getState);
  return { queue, state };
}
