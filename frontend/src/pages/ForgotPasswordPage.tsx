// /forgot-password: asks for an email address and requests a reset link. The answer is
// the same whether or not an account uses the address, so it reveals nothing.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../api/auth';
import { FormAlert } from '../ui/FormAlert';
import { TextField } from '../ui/TextField';
import { errorMessage } from '../ui/errorMessage';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const reset = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });

  function submit(event: FormEvent) {
    event.preventDefault();
    reset.mutate();
  }

  return (
    <>
      <title>Forgot password · Workload Tracker</title>
      <h1>Forgot your password?</h1>
      {reset.isSuccess ? (
        <FormAlert tone="success">
          If an account uses that address, we’ve sent a link. It lets you choose a new
          password; check your inbox (and spam folder).
        </FormAlert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Request a reset link">
          <p className="muted">Enter the email address of your account and we’ll send you a link.</p>
          {reset.error && <FormAlert tone="error">{errorMessage(reset.error)}</FormAlert>}
          <TextField
            label="Email address"
            type="email"
            name="email"
            autoComplete="email"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <button type="submit" className="button" disabled={reset.isPending || !email.trim()}>
            {reset.isPending ? 'Sending…' : 'Send reset link'}
          </button>
        </form>
      )}
      <p className="auth-frame__back">
        <Link to="/login">Back to sign in</Link>
      </p>
    </>
  );
}
