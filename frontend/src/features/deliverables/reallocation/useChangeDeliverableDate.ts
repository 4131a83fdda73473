// The one way screens change a deliverable's date (the project page's deliverables, and
// any calendar or list that moves one): PATCH with `Prefer: wait=5`, so the server
// usually answers once the planned hours have moved. Then a toast says what moved, with
// Undo, and the grids reload the touched weeks. A move still running is watched until it
// ends (for as long as the screen that asked is open); a date that stays in its week, or
// one that moves nothing (set for the first time, cleared), gets the plain saved toast.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateDeliverable, type Deliverable, type DeliverableChanges, type DeliverableSaved } from '../../../api/deliverables';
import type { Job } from '../../../api/jobs';
import type { MoveSummary } from '../../../api/reallocations';
import { useToast } from '../../../ui/toast/useToast';
import { useJobEndWatcher } from '../../../shared/jobs/useJobEndWatcher';
import { dateSavedMessage, movedMessage, notMovedMessage } from './reallocationWords';
import { summaryOfJob } from '../../../shared/jobs/moveSummary';
import { refreshAfterMove } from './refreshPlanning';
import { useUndoReallocation } from './useUndoReallocation';

/** How long the server may hold the answer while the worker moves the hours. */
export const MOVE_WAIT_SECONDS = 5;

export interface DateChange {
  deliverable: Deliverable;
  changes: DeliverableChanges;
}

export function useChangeDeliverableDate() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const undo = useUndoReallocation();
  const watch = useJobEndWatcher();

  function moved(deliverable: Deliverable, summary: MoveSummary) {
    refreshAfterMove(queryClient, summary.touchedWeekKeys ?? undefined);
    toast(movedMessage(deliverable, summary), 'success', { label: 'Undo', onAction: () => undo.mutate(deliverable) });
  }

  function ended(deliverable: Deliverable, job: Job) {
    const summary = job.state === 'succeeded' ? summaryOfJob(job) : null;
    if (summary) moved(deliverable, summary);
    else toast(notMovedMessage(deliverable, job), 'error');
  }

  function follow({ reallocation, ...deliverable }: DeliverableSaved) {
    const jobId = reallocation?.jobId;
    if (!reallocation || typeof jobId !== 'number' || reallocation.deltaWeeks === 0) toast(dateSavedMessage(deliverable));
    else if (reallocation.state === 'succeeded' && typeof reallocation.assignmentsChanged === 'number') moved(deliverable, reallocation);
    // Still queued or running, or ended without a summary: the job itself says how it ended.
    else watch(jobId, (job) => ended(deliverable, job));
  }

  return useMutation({
    mutationFn: ({ deliverable, changes }: DateChange) => updateDeliverable(deliverable, changes, MOVE_WAIT_SECONDS),
    onSuccess: follow,
  });
}
