// "Move to department…": moves the selected people to one department (or to none) in
// a single request, then refreshes the list and clears the selection.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { moveToDepartment } from '../../api/people';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { ChoiceSelect, departmentChoices } from '../../ui/ChoiceSelect';
import type { ReferenceData } from './useReferenceData';
import { queryKeys } from '../../api/queryKeys';

interface Props {
  people: readonly number[];
  reference: ReferenceData;
  onDone: () => void;
  onClose: () => void;
}

export function BulkMoveDialog({ people, reference, onDone, onClose }: Props) {
  const [department, setDepartment] = useState<number | null>(null);
  const toast = useToast();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: () => moveToDepartment(people, department),
    onSuccess: async ({ updated }) => {
      toast(updated === 1 ? 'Moved 1 person.' : `Moved ${updated} people.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    move.mutate();
  }

  const count = people.length === 1 ? '1 person' : `${people.length} people`;
  return (
    <Dialog title={`Move ${count} to a department`} onClose={onClose}>
      <form onSubmit={submit} aria-label="Move to department">
        {move.error && <FormAlert tone="error">{errorMessage(move.error)}</FormAlert>}
        <ChoiceSelect label="New department" emptyLabel="No department" choices={departmentChoices(reference.departments)}
          value={department} onChange={setDepartment} />
        <FormActions label={`Move ${count}`} busyLabel="Moving…" busy={move.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
