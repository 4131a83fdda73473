// The profile's theme preference: applied here at once and saved to the account, so it
// also applies after signing in on another device.
import { ThemeToggle } from '../../theme/ThemeToggle';
import { useSaveTheme } from './useSaveTheme';

export function AppearanceSettings() {
  const save = useSaveTheme();
  return (
    <section className="card profile-section" aria-labelledby="appearance-heading" data-testid="appearance">
      <h2 id="appearance-heading">Appearance</h2>
      <p className="muted">Saved to your account; “System” follows your device’s setting.</p>
      <ThemeToggle onChange={(theme) => save.mutate(theme)} />
      <p className="profile-section__status" role="status">
        {save.isPending ? 'Saving…' : save.isSuccess ? 'Saved to your account.' : ''}
      </p>
    </section>
  );
}
