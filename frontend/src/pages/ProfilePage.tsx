// /profile: the signed-in person's account details, password and theme preference.
import { useCurrentUser } from '../auth/useSession';
import { AccountDetails } from '../features/profile/AccountDetails';
import { AppearanceSettings } from '../features/profile/AppearanceSettings';
import { ChangePasswordForm } from '../features/profile/ChangePasswordForm';
import '../features/profile/profile.css';

export function ProfilePage() {
  const user = useCurrentUser();
  if (!user) return null; // RequireAuth renders this page only when signed in
  return (
    <>
      <title>Profile · Workload Tracker</title>
      <h1>Profile</h1>
      <div className="profile-grid">
        <AccountDetails user={user} />
        <AppearanceSettings />
        <ChangePasswordForm />
      </div>
    </>
  );
}
