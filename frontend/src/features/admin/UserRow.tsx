// One row of the user list: who, role (editable), linked person, status, last sign-in
// and actions.
// Admins cannot change their own role or deactivate themselves.
import { useState } from 'react';
import { ROLES, type User } from '../../api/types';
import { formatDateTime } from '../../ui/formatTime';
import { PersonLink } from './PersonLink';
import { SetPasswordDialog } from './SetPasswordDialog';
import { useUserActions } from './useUserActions';

export function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { update, resetLink } = useUserActions(user);
  const [settingPassword, setSettingPassword] = useState(false);
  const busy = update.isPending || resetLink.isPending;

  return (
    <tr data-testid={`user-${user.username}`} className={user.isActive ? undefined : 'is-inactive'}>
      <th scope="row">
        {user.username}
        {isSelf && <span className="muted"> (you)</span>}
      </th>
      <td>{user.email}</td>
      <td>
        <select
          className="select"
          aria-label={`Role of ${user.username}`}
          value={user.role}
          disabled={isSelf || busy}
          title={isSelf ? 'You cannot change your own role' : undefined}
          onChange={(event) => update.mutate({ role: event.target.value as User['role'] })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td>
        <PersonLink user={user} busy={busy} onChange={(changes) => update.mutate(changes)} />
      </td>
      <td>{user.isActive ? 'Active' : <strong>Deactivated</strong>}</td>
      <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : <span className="muted">Never</span>}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={isSelf || busy}
            onClick={() => update.mutate({ isActive: !user.isActive })}
          >
            {user.isActive ? 'Deactivate' : 'Reactivate'}
          </button>
          <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => resetLink.mutate()}>
            Send reset link
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => setSettingPassword(true)}>
            Set password…
          </button>
        </div>
        {settingPassword && <SetPasswordDialog user={user} onClose={() => setSettingPassword(false)} />}
      </td>
    </tr>
  );
}
