// Changing one's own password: current password, then the new one twice. Success keeps
// this session (the server's answer carries a new token) and ends all the others.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changePassword } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { FormAlert } from '../../ui/FormAlert';
import { NewPasswordFields, checkNewPassword, type NewPassword } from '../../ui/NewPasswordFields';
import { TextField } from '../../ui/TextField';
import { errorMessage } from '../../ui/errorMessage';

const EMPTY: NewPassword = { password: '', confirm: '' };

export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassword>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword(current, next.password),
    onSuccess: () => {
      setCurrent('');
      setNext(EMPTY);
      setSubmitted(false);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(checkNewPassword(next)).length === 0) change.mutate();
  }

  const problems = submitted ? checkNewPassword(next) : {};
  const server = change.error instanceof ApiError ? change.error : undefined;
  const currentError =
    server?.fieldMessage('currentPassword') ??
    (server?.code === 'wrong_password' ? (server.detail ?? 'That is not your current password.') : undefined);
  const newError = server?.fieldMessage('newPassword');
  const otherError = change.error && !currentError && !newError ? errorMessage(change.error) : undefined;

  return (
    <section className="card profile-section" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <form onSubmit={submit} noValidate aria-label="Change password">
        {change.isSuccess && (
          <FormAlert tone="success">Password changed. You were signed out everywhere else.</FormAlert>
        )}
        {otherError && <FormAlert tone="error">{otherError}</FormAlert>}
        <TextField
          label="Current password"
          type="password"
          name="current-password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={currentError}
        />
        <NewPasswordFields
          value={next}
          onChange={setNext}
          errors={{ password: problems.password ?? newError, confirm: problems.confirm }}
        />
        <button type="submit" className="button" disabled={change.isPending || !current}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
