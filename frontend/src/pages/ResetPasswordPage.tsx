// /reset-password?token=...: choose a new password from an emailed link (or, with
// &invite=1, set the first one for an invited account), then go to sign in.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { confirmPasswordReset } from '../api/auth';
import { ApiError } from '../api/errors';
import { FormAlert } from '../ui/FormAlert';
import { NewPasswordFields, checkNewPassword, type NewPassword } from '../ui/NewPasswordFields';
import { errorMessage } from '../ui/errorMessage';
import type { LoginNotice } from './LoginPage';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invite = params.get('invite') === '1';
  const title = invite ? 'Set your password' : 'Choose a new password';
  const navigate = useNavigate();
  const [value, setValue] = useState<NewPassword>({ password: '', confirm: '' });
  const [submitted, setSubmitted] = useState(false);
  const reset = useMutation({
    mutationFn: () => confirmPasswordReset(token, value.password),
    onSuccess: () => {
      const state: LoginNotice = { notice: 'Your password is set. Sign in with it now.' };
      void navigate('/login', { replace: true, state });
    },
  });

  const problems = submitted ? checkNewPassword(value) : {};
  const serverError = reset.error instanceof ApiError ? reset.error : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(checkNewPassword(value)).length === 0) reset.mutate();
  }

  return (
    <>
      <title>{`${title} · Workload Tracker`}</title>
      <h1>{title}</h1>
      {!token ? (
        <FormAlert tone="error">
          This link is incomplete. Open the link from your email again, or{' '}
          <Link to="/forgot-password">ask for a new one</Link>.
        </FormAlert>
      ) : (
        <form onSubmit={submit} noValidate aria-label={title}>
          {reset.error && !serverError?.fieldMessage('newPassword') && (
            <FormAlert tone="error">
              {errorMessage(reset.error)}
              {serverError?.code === 'reset_token_invalid' && (
                <>
                  {' '}
                  <Link to="/forgot-password">Ask for a new link</Link>.
                </>
              )}
            </FormAlert>
          )}
          <NewPasswordFields
            value={value}
            onChange={setValue}
            errors={{
              password: problems.password ?? serverError?.fieldMessage('newPassword'),
              confirm: problems.confirm,
            }}
          />
          <button type="submit" className="button" disabled={reset.isPending}>
            {reset.isPending ? 'Saving…' : invite ? 'Set password' : 'Save new password'}
          </button>
        </form>
      )}
      <p className="auth-frame__back">
        <Link to="/login">Back to sign in</Link>
      </p>
    </>
  );
}
