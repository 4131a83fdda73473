// Wires the save queue to the app: batches go to PATCH /api/assignments/hours, saved
// batches are written into every cached grid, failures roll back with the server's
// words in a toast, and a 412 reloads the grid. Pending edits are sent on leaving.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { saveHours, type GridData } from '../../api/planning';
import { isStaleWrite } from '../../api/versioned';
import { useToast } from '../../ui/toast/useToast';
import { applySaved } from './gridModel';
import { saveErrorMessage } from './saveErrorMessage';
import { SaveQueue } from './saveQueue';

export const GRID_KEY = ['planning', 'grid'] as const;

export function useSaveQueue() {
  const queryClient = useQueryClient();
  const toast = useToast();

  const [queue] = useState(
    () =>
      new SaveQueue({
        send: saveHours,
        currentVersion: (id) => {
          const versions = queryClient
            .getQueriesData<GridData>({ queryKey: GRID_KEY })
            .flatMap(([, data]) => data?.assignments?.filter((assignment) => assignment.id === id) ?? [])
            .map((assignment) => assignment.version);
          return versions.length > 0 ? Math.max(...versions) : undefined;
        },
        onSaved: (edits, results) => {
          queryClient.setQueriesData<GridData>({ queryKey: GRID_KEY }, (old) => old && applySaved(old, edits, results));
        },
        onFailed: (error, edits) => {
          toast(saveErrorMessage(error, edits), 'error');
          if (isStaleWrite(error)) void queryClient.invalidateQueries({ queryKey: GRID_KEY });
        },
      }),
  );

  useEffect(() => () => void queue.flush(), [queue]);
  const state = useSyncExternalStore(queue.subscribe, queue.getState);
  return { queue, state };
}
