// The admin's "Set password" dialog for one user: the new password twice, checked here
// first, then by the server (whose field messages show inline).
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import type { User } from '../../api/types';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { NewPasswordFields, checkNewPassword, type NewPassword } from '../../ui/NewPasswordFields';
import { errorMessage } from '../../ui/errorMessage';
import { useSetPassword } from './useUserActions';

export function SetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const mutation = useSetPassword(user);
  const [value, setValue] = useState<NewPassword>({ password: '', confirm: '' });
  const [submitted, setSubmitted] = useState(false);
  const problems = submitted ? checkNewPassword(value) : {};
  const server = mutation.error instanceof ApiError ? mutation.error : undefined;
  const fieldError = server?.fieldMessage('password') ?? server?.fieldMessage('newPassword');

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(checkNewPassword(value)).length > 0) return;
    mutation.mutate(value.password, { onSuccess: onClose });
  }

  return (
    <Dialog title={`Set a password for ${user.username}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">They will be signed out everywhere and must use this password next time.</p>
        {mutation.error && !fieldError && <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>}
        <NewPasswordFields
          value={value}
          onChange={setValue}
          errors={{ password: problems.password ?? fieldError, confirm: problems.confirm }}
        />
        <FormActions label="Set password" busyLabel="Saving…" busy={mutation.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
