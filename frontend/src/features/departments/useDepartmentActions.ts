// Writes to one department (save changes, delete) as mutations: each ends in a toast or
// an error the panel shows, and refreshes the tree; a 412 reloads it at once so the
// form shows what the other person saved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteDepartment, updateDepartment, type Department, type DepartmentChanges } from '../../api/departments';
import { useToast } from '../../ui/toast/useToast';
import { queryKeys } from '../../api/queryKeys';

export function useRefreshDepartments() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.departments.all });
}

export function useDepartmentActions(department: Department, onDeleted: () => void) {
  const toast = useToast();
  const refresh = useRefreshDepartments();

  const update = useMutation({
    mutationFn: (changes: DepartmentChanges) => updateDepartment(department, changes),
    onSuccess: (saved, changes) => {
      if (Object.keys(changes).length === 1 && changes.isActive !== undefined) {
        toast(`${saved.name} is ${saved.isActive ? 'active again' : 'deactivated'}.`);
      } else {
        toast(`Saved ${saved.name}.`);
      }
    },
    onSettled: refresh,
  });

  const remove = useMutation({
    mutationFn: () => deleteDepartment(department),
    onSuccess: () => {
      toast(`Deleted ${department.name}.`);
      onDeleted();
    },
    onSettled: refresh,
  });

  return { update, remove };
}
