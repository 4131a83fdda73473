// "New person": the person form in a dialog. The browser checks the name and capacity;
// the server's field errors (a taken email, an unknown department) show at their
// fields. The new person's page opens once created.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { createPerson } from '../../api/people';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { useScopedNavigate } from '../../shared/departmentScope/ScopedLink';
import { PersonFields } from './PersonFields';
import { EMPTY_PERSON, newPersonBody, personProblems } from './personForm';
import { useCheckedForm } from '../../ui/useCheckedForm';
import type { ReferenceData } from './useReferenceData';
import { queryKeys } from '../../api/queryKeys';

interface Props {
  reference: ReferenceData;
  department: number | null;
  onClose: () => void;
}

export function NewPersonDialog({ reference, department, onClose }: Props) {
  const toast = useToast();
  const navigate = useScopedNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createPerson,
    onSuccess: async (person) => {
      toast(`Added ${person.name}.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
      await navigate(`/people/${person.id}`);
    },
  });
  const form = useCheckedForm({ ...EMPTY_PERSON, department }, create.error, personProblems);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.check()) create.mutate(newPersonBody(form.values));
  }

  return (
    <Dialog title="New person" onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="New person">
        {form.showServerAlert && <FormAlert tone="error">{errorMessage(create.error)}</FormAlert>}
        <PersonFields values={form.values} onChange={form.onChange} errors={form.errors} reference={reference} autoFocus />
        <FormActions label="Add person" busyLabel="Adding…" busy={create.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
