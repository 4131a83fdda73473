// Saving a person (PATCH with If-Match) as a mutation: a toast on success; afterwards,
// success or not, the person is re-read, so after a 412 the form shows what the other
// person saved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updatePerson, type Person, type PersonChanges } from '../../api/people';
import { useToast } from '../../ui/toast/useToast';
import { queryKeys } from '../../api/queryKeys';

export function usePersonUpdate(person: Person) {
  const toast = useToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: PersonChanges) => updatePerson(person, changes),
    onSuccess: (saved, changes) => {
      if (Object.keys(changes).length === 1 && changes.isActive !== undefined) {
        toast(`${saved.name} is ${saved.isActive ? 'active again' : 'deactivated'}.`);
      } else {
        toast(`Saved ${saved.name}.`);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.people.all }),
  });
}
