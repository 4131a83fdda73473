// The primary navigation: one link per top-level page, the current one marked. Profile
// shows once signed in, Admin only for admins.
import { NavLink } from 'react-router';
import { useCurrentUser } from '../auth/useSession';

interface NavEntry {
  to: string;
  label: string;
  end: boolean;
}

export function SideNav() {
  const user = useCurrentUser();
  const links: NavEntry[] = [
    { to: '/', label: 'Overview', end: true },
    ...(user ? [{ to: '/profile', label: 'Profile', end: false }] : []),
    ...(user?.role === 'admin' ? [{ to: '/admin', label: 'Admin', end: false }] : []),
    { to: '/status', label: 'System status', end: false },
  ];
  return (
    <nav className="app__nav" aria-label="Main">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="app__nav-link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
