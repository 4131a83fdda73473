// The top bar: product name (a link home), the global department filter once signed in,
// the theme toggle (saved to the account when signed in) and the account menu, or a
// sign-in link for visitors of public pages. The home link keeps the filter.
import { Link } from 'react-router';
import { UserMenu } from '../auth/UserMenu';
import { useSession } from '../auth/useSession';
import { DepartmentScopeControl } from '../shared/departmentScope/DepartmentScopeControl';
import { useScopeSearch } from '../shared/departmentScope/useDepartmentScope';
import { useSaveTheme } from '../features/profile/useSaveTheme';
import { ThemeToggle } from '../theme/ThemeToggle';

export function AppHeader() {
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  const saveTheme = useSaveTheme();
  const search = useScopeSearch();
  return (
    <header className="app__header">
      <Link to={{ pathname: '/', search }} className="app__brand">
        <span aria-hidden="true" className="app__logo" />
        Workload Tracker
      </Link>
      {user && <DepartmentScopeControl />}
      <div className="app__header-tools">
        <ThemeToggle onChange={user ? (theme) => saveTheme.mutate(theme) : undefined} />
        {user && <UserMenu user={user} />}
        {session.status === 'signedOut' && <Link to="/login">Sign in</Link>}
      </div>
    </header>
  );
}
