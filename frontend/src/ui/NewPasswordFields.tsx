// "New password" and "Repeat it" fields with the app's client-side rules (at least 10
// characters, both the same). Server messages for the field are shown too.
import { TextField } from './TextField';

export const MIN_PASSWORD_LENGTH = 10;

export interface NewPassword {
  password: string;
  confirm: string;
}

/** Problems the browser can find before asking the server; empty when there are none. */
export function checkNewPassword({ password, confirm }: NewPassword): { password?: string; confirm?: string } {
  const problems: { password?: string; confirm?: string } = {};
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (confirm !== password) problems.confirm = 'The two passwords don’t match.';
  return problems;
}

interface Props {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  /** Shown after a submit attempt: client-side problems, then the server's. */
  errors: { password?: string | undefined; confirm?: string | undefined };
  label?: string;
}

export function NewPasswordFields({ value, onChange, errors, label = 'New password' }: Props) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; not your username or a common password.`}
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.target.value })}
        error={errors.password}
      />
      <TextField
        label="Repeat the new password"
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(event) => onChange({ ...value, confirm: event.target.value })}
        error={errors.confirm}
      />
    </>
  );
}
