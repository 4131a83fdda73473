// The primary navigation: one link per top-level page, the current one marked. Once
// signed in it also shows Dashboard, Forecast, My work (for a user linked to a person),
// Planning, People, Projects, the "Reference data" group (departments,
// roles, skills), Jobs and Profile; Import only for managers and admins, Admin only for admins. Every link carries the global department
// filter (department/sub) so it survives moving between pages.
import { NavLink } from 'react-router';
import { canImport } from '../auth/permissions';
import { useCurrentUser } from '../auth/useSession';
import { useScopeSearch } from '../shared/departmentScope/useDepartmentScope';

interface NavEntry {
  to: string;
  label: string;
  end?: boolean;
}

const REFERENCE_DATA: NavEntry[] = [
  { to: '/departments', label: 'Departments' },
  { to: '/roles', label: 'Roles' },
  { to: '/skills', label: 'Skills' },
];

function NavLinks({ links }: { links: NavEntry[] }) {
  const search = useScopeSearch();
  return links.map((link) => (
    <li key={link.to}>
      <NavLink to={{ pathname: link.to, search }} end={link.end ?? false} className="app__nav-link">
        {link.label}
      </NavLink>
    </li>
  ));
}

export function SideNav() {
  const user = useCurrentUser();
  const links: NavEntry[] = [
    ...(canImport(user) ? [{ to: '/import', label: 'Import' }] : []),
    ...(user ? [{ to: '/jobs', label: 'Jobs' }, { to: '/profile', label: 'Profile' }] : []),
    ...(user?.role === 'admin' ? [{ to: '/admin', label: 'Admin' }] : []),
    { to: '/status', label: 'System status' },
  ];
  return (
    <nav className="app__nav" aria-label="Main">
      <ul>
        <NavLinks links={[{ to: '/', label: 'Overview', end: true }]} />
        {user && (
          <NavLinks
            links={[
              { to: '/dashboard', label: 'Dashboard' },
              { to: '/forecast', label: 'Forecast' },
              ...(user.person !== null ? [{ to: '/my-work', label: 'My work' }] : []),
              { to: '/planning', label: 'Planning' },
              { to: '/people', label: 'People' },
              { to: '/projects', label: 'Projects' },
            ]}
          />
        )}
        {user && (
          <li className="app__nav-group">
            <span id="nav-reference" className="app__nav-heading">
              Reference data
            </span>
            <ul aria-labelledby="nav-reference">
              <NavLinks links={REFERENCE_DATA} />
            </ul>
          </li>
        )}
        <NavLinks links={links} />
      </ul>
    </nav>
  );
}
