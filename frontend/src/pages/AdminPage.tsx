// /admin: the administrators' area, with Users, Audit and Backups as tabs whose state is
// the URL (/admin/users, /admin/audit, /admin/backups).
import { Outlet } from 'react-router';
import { ScopedNavLink } from '../shared/departmentScope/ScopedLink';
import '../features/admin/admin.css';

const TABS = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/backups', label: 'Backups' },
] as const;

export function AdminPage() {
  return (
    <>
      <h1>Admin</h1>
      <nav className="tabs" aria-label="Admin sections">
        {TABS.map((tab) => (
          <ScopedNavLink key={tab.to} to={tab.to} className="tabs__tab">
            {tab.label}
          </ScopedNavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
