// The sign-in form: username and password, submitted with Enter, with the server's
// reason shown inline when it refuses (wrong password, too many attempts and so on).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { signIn } from '../api/auth';
import { ApiError } from '../api/errors';
import { FormAlert } from '../ui/FormAlert';
import { TextField } from '../ui/TextField';
import { errorMessage, formatWait } from '../ui/errorMessage';

export function LoginForm() {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => {
      queryClient.removeQueries(); // nothing cached for someone else survives a sign-in
      return signIn(username.trim(), password);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate();
  }

  const error = login.error;
  const fieldError = (field: string) =>
    error instanceof ApiError ? error.fieldMessage(field) : undefined;

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      {error && <FormAlert tone="error">{signInErrorMessage(error)}</FormAlert>}
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={fieldError('username')}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldError('password')}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <Link to="/forgot-password">Forgot password?</Link>
      </div>
    </form>
  );
}

/** The message for a refused sign-in; a rate limit says how long to wait. */
function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds;
    return wait === undefined
      ? 'Too many sign-in attempts. Wait a few minutes, then try again.'
      : `Too many sign-in attempts. Wait ${formatWait(wait)}, then try again.`;
  }
  if (error instanceof ApiError && error.status === 401) {
    return error.detail ?? 'Wrong username or password.';
  }
  if (error instanceof ApiError && error.code === 'validation_failed' && error.errors.length > 0) {
    return 'Enter your username and password.';
  }
  return errorMessage(error);
}
