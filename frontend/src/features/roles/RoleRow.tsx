// One role in the table: name, description and status, and for managers and admins
// Edit, Deactivate/Reactivate and Delete. Refusals (a role still held) come as toasts
// or, for Delete, in its confirmation.
import { useState } from 'react';
import type { JobRole } from '../../api/roles';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { writeErrorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { EditRoleDialog } from './EditRoleDialog';
import { useRoleActions } from './useRoleActions';

export function RoleRow({ role, canEdit }: { role: JobRole; canEdit: boolean }) {
  const { update, remove } = useRoleActions(role);
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  const toast = useToast();
  const close = () => setOpen(null);

  function show(dialog: 'edit' | 'delete') {
    update.reset();
    remove.reset();
    setOpen(dialog);
  }

  function toggleActive() {
    update.mutate({ isActive: !role.isActive }, { onError: (error) => toast(writeErrorMessage(error), 'error') });
  }

  return (
    <tr data-testid={`role-${role.name}`} className={role.isActive ? undefined : 'is-inactive'}>
      <th scope="row">{role.name}</th>
      <td className="roles-table__description">{role.description || <span className="muted">—</span>}</td>
      <td>{role.isActive ? 'Active' : <span className="tag">Inactive</span>}</td>
      {canEdit && (
        <td>
          <div className="row-actions">
            <button type="button" className="button button--quiet button--small" onClick={() => show('edit')}>
              Edit…
            </button>
            <button type="button" className="button button--quiet button--small" disabled={update.isPending} onClick={toggleActive}>
              {role.isActive ? 'Deactivate' : 'Reactivate'}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => show('delete')}>
              Delete…
            </button>
          </div>
          {open === 'edit' && <EditRoleDialog role={role} update={update} onClose={close} />}
          {open === 'delete' && (
            <ConfirmDialog
              title={`Delete ${role.name}?`}
              confirmLabel="Delete role"
              pending={remove.isPending}
              problem={remove.error ? writeErrorMessage(remove.error) : undefined}
              onConfirm={() => remove.mutate(undefined, { onSuccess: close })}
              onClose={close}
            >
              <p>This removes the role for everyone. It cannot be undone.</p>
            </ConfirmDialog>
          )}
        </td>
      )}
    </tr>
  );
}
