// The frame for the public account pages (sign in, forgot and reset password): the
// product name, the theme toggle and one centred card.
import { Link, Outlet } from 'react-router';
import { ThemeToggle } from '../theme/ThemeToggle';
import './layout.css';
import '../ui/forms.css';
import '../auth/auth.css';

export function AuthLayout() {
  return (
    <div className="auth-frame">
      <header className="auth-frame__header">
        <Link to="/" className="app__brand">
          <span aria-hidden="true" className="app__logo" />
          Workload Tracker
        </Link>
        <ThemeToggle />
      </header>
      <main id="main" className="auth-frame__main card">
        <Outlet />
      </main>
      <footer className="auth-frame__footer">
        <Link to="/status">System status</Link>
      </footer>
    </div>
  );
}
