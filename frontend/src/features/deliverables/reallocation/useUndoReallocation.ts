// Undo of a deliverable's latest reallocation, from its toast or its history: puts the
// hours and the date back, then says so and refreshes what shows them. A refusal (weeks
// edited since the move) says which and what to do, in an error toast that stays as long
// as any other. Callbacks live on the mutation, so an Undo pressed after leaving the page
// that raised the toast still reports.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Deliverable } from '../../../api/deliverables';
import { undoReallocation } from '../../../api/reallocations';
import { useToast } from '../../../ui/toast/useToast';
import { undoErrorMessage, undoneMessage } from './reallocationWords';
import { refreshAfterMove } from './refreshPlanning';

export function useUndoReallocation() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (deliverable: Pick<Deliverable, 'id' | 'description'>) => undoReallocation(deliverable.id, true),
    onSuccess: (answer) => {
      toast(undoneMessage(answer.deliverable));
      refreshAfterMove(queryClient, answer.touchedWeekKeys);
    },
    onError: (error) => {
      toast(undoErrorMessage(error), 'error');
      // The refusal may come from a plan that changed meanwhile: show the current one.
      refreshAfterMove(queryClient);
    },
  });
}
