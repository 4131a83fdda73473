// The primary navigation: one link per top-level page, the current one marked.
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/', label: 'Overview', end: true },
  { to: '/status', label: 'System status', end: false },
] as const;

export function SideNav() {
  return (
    <nav className="app__nav" aria-label="Main">
      <ul>
        {LINKS.map((link) => (
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
