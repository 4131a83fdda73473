// The new-user form: username, email and role, and either a password or (left empty)
// an emailed invitation. Server field errors (taken names, weak password) show inline.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import { createUser } from '../../api/users';
import { ROLES, type Role } from '../../api/types';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { MIN_PASSWORD_LENGTH } from '../../ui/NewPasswordFields';
import { TextField } from '../../ui/TextField';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { queryKeys } from '../../api/queryKeys';

const FIELD_BY_CODE: Record<string, string> = { username_taken: 'username', email_taken: 'email' };

export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({ username: '', email: '', role: 'user' as Role, password: '' });
  const roleId = useId();
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useMutation({
    mutationFn: () =>
      createUser({
        username: form.username.trim(),
        email: form.email.trim(),
        role: form.role,
        ...(form.password ? { password: form.password } : {}),
      }),
    onSuccess: (user) => {
      toast(form.password ? `Account ${user.username} created.` : `Invitation sent to ${user.email}.`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
      onDone();
    },
  });

  const server = create.error instanceof ApiError ? create.error : undefined;
  const fieldError = (field: string) =>
    server?.fieldMessage(field) ?? (server && FIELD_BY_CODE[server.code] === field ? server.detail : undefined);
  const shownInline = ['username', 'email', 'password'].some((field) => fieldError(field));
  const tooShort = form.password.length > 0 && form.password.length < MIN_PASSWORD_LENGTH;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!tooShort) create.mutate();
  }

  const set = (changes: Partial<typeof form>) => setForm((current) => ({ ...current, ...changes }));

  return (
    <form className="card create-user" onSubmit={submit} noValidate aria-label="New user">
      <h2>New user</h2>
      {create.error && !shownInline && <FormAlert tone="error">{errorMessage(create.error)}</FormAlert>}
      <div className="create-user__fields">
        <TextField label="Username" autoComplete="off" required autoFocus value={form.username}
          onChange={(event) => set({ username: event.target.value })} error={fieldError('username')} />
        <TextField label="Email" type="email" autoComplete="off" required value={form.email}
          onChange={(event) => set({ email: event.target.value })} error={fieldError('email')} />
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} className="select" value={form.role}
            onChange={(event) => set({ role: event.target.value as Role })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>{role}</option>
            ))}
          </select>
        </div>
        <TextField label="Password (optional)" type="password" autoComplete="new-password" value={form.password}
          onChange={(event) => set({ password: event.target.value })}
          hint="Leave empty to email an invitation link instead."
          error={tooShort ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : fieldError('password')} />
      </div>
      <FormActions
        label={form.password ? 'Create user' : 'Create and send invitation'}
        busyLabel="Creating…"
        busy={create.isPending}
        disabled={!form.username.trim() || !form.email.trim()}
        onCancel={onDone}
      />
    </form>
  );
}
