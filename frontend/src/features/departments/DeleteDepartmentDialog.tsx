// Confirms deleting a department. The server refuses while people or sub-departments
// remain; its reason is shown, with "Deactivate instead" as the way out.
import type { UseMutationResult } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import type { Department, DepartmentChanges } from '../../api/departments';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { writeErrorMessage } from '../../ui/errorMessage';

interface Props {
  department: Department;
  remove: UseMutationResult<void, Error, void>;
  update: UseMutationResult<Department, Error, DepartmentChanges>;
  onClose: () => void;
}

export function DeleteDepartmentDialog({ department, remove, update, onClose }: Props) {
  const inUse = remove.error instanceof ApiError && remove.error.code === 'department_in_use';
  const error = update.error ?? remove.error;
  return (
    <ConfirmDialog
      title={`Delete ${department.name}?`}
      confirmLabel="Delete department"
      pending={remove.isPending}
      problem={error ? writeErrorMessage(error) : undefined}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      alternative={
        inUse &&
        department.isActive && (
          <button
            type="button"
            className="button button--quiet"
            disabled={update.isPending}
            onClick={() => update.mutate({ isActive: false }, { onSuccess: onClose })}
          >
            Deactivate instead
          </button>
        )
      }
    >
      <p>This removes the department for everyone. It cannot be undone.</p>
    </ConfirmDialog>
  );
}
