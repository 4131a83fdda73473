// Route guard for the admin screens: people without the admin role get a plain
// explanation instead (the server refuses their requests anyway).
import { Outlet } from 'react-router';
import { ScopedLink } from '../shared/departmentScope/ScopedLink';
import { useCurrentUser } from './useSession';

export function RequireAdmin() {
  const user = useCurrentUser();
  if (user?.role === 'admin') return <Outlet />;
  return (
    <section className="card error-page" data-testid="admin-required">
      <title>Admin rights needed · Workload Tracker</title>
      <h1>You need admin rights</h1>
      <p>
        Managing accounts and reading the audit log is for administrators. If you need to
        change something here, ask one of your administrators.
      </p>
      <p>
        <ScopedLink to="/">Go to the overview</ScopedLink>
      </p>
    </section>
  );
}
