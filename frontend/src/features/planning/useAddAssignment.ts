// "Add project" on a person: POST /api/assignments, then the new row joins every cached
// grid at once (no reload); a refusal (already assigned, no permission) is a toast.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createAssignment } from '../../api/assignments';
import type { GridData, ProjectOption } from '../../api/planning';
import { ApiError } from '../../api/errors';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { addAssignment } from './gridModel';
import { GRID_KEY } from './useSaveQueue';

export function useAddAssignment() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ person, project }: { person: { id: number; name: string }; project: ProjectOption }) =>
      createAssignment({ person: person.id, project: project.id }),
    onSuccess: (created, { person, project }) => {
      queryClient.setQueriesData<GridData>({ queryKey: GRID_KEY }, (old) => old && addAssignment(old, created, project.status));
      toast(`Added ${project.name} to ${person.name}.`);
    },
    onError: (error, { person, project }) => {
      const already = error instanceof ApiError && error.status === 409;
      toast(already ? `${person.name} is already on ${project.name}.` : `Could not add ${project.name}: ${errorMessage(error)}`, 'error');
    },
  });
}
