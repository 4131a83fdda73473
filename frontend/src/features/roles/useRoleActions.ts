// Writes to one role (edit, deactivate or reactivate, delete) as mutations that end in
// a toast and refresh the roles list. A 412 refreshes it too, so the newer version shows.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteRole, updateRole, type JobRole, type JobRoleChanges } from '../../api/roles';
import { useToast } from '../../ui/toast/useToast';
import { queryKeys } from '../../api/queryKeys';

export function useRefreshRoles() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.roles.all });
}

export function useRoleActions(role: JobRole) {
  const toast = useToast();
  const refresh = useRefreshRoles();

  const update = useMutation({
    mutationFn: (changes: JobRoleChanges) => updateRole(role, changes),
    onSuccess: (saved, changes) => {
      if (changes.isActive !== undefined && changes.name === undefined) {
        toast(`${saved.name} is ${saved.isActive ? 'active again' : 'deactivated'}.`);
      } else {
        toast(`Saved ${saved.name}.`);
      }
    },
    onSettled: refresh,
  });

  const remove = useMutation({
    mutationFn: () => deleteRole(role),
    onSuccess: () => toast(`Deleted ${role.name}.`),
    onSettled: refresh,
  });

  return { update, remove };
}
