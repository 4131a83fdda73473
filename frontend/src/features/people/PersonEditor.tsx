// The profile form for managers and admins: edit and save only what changed (with
// If-Match), deactivate or reactivate. The mutation lives here and the form is
// remounted per version, so a 412 message stays while the newer version loads.
import type { UseMutationResult } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { Person, PersonChanges } from '../../api/people';
import { FormAlert } from '../../ui/FormAlert';
import { writeErrorMessage } from '../../ui/errorMessage';
import { PersonFields } from './PersonFields';
import { personChanges, personProblems, personValues } from './personForm';
import { useCheckedForm } from '../../ui/useCheckedForm';
import { usePersonUpdate } from './usePersonUpdate';
import type { ReferenceData } from './useReferenceData';

interface Props {
  person: Person;
  reference: ReferenceData;
}

export function PersonEditor({ person, reference }: Props) {
  const update = usePersonUpdate(person);
  return <PersonEditForm key={person.version} person={person} reference={reference} update={update} />;
}

interface FormProps extends Props {
  update: UseMutationResult<Person, Error, PersonChanges>;
}

function PersonEditForm({ person, reference, update }: FormProps) {
  const form = useCheckedForm(personValues(person), update.error, personProblems);
  const changes = personChanges(person, form.values);
  const changed = Object.keys(changes).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.check() && changed) update.mutate(changes);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${person.name}`}>
      {form.showServerAlert && <FormAlert tone="error">{writeErrorMessage(update.error)}</FormAlert>}
      <PersonFields values={form.values} onChange={form.onChange} errors={form.errors} reference={reference} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending || !changed}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button button--quiet" disabled={update.isPending}
          onClick={() => update.mutate({ isActive: !person.isActive })}>
          {person.isActive ? 'Deactivate' : 'Reactivate'}
        </button>
      </div>
    </form>
  );
}
