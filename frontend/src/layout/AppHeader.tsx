// The top bar: product name (a link home) and the theme toggle.
import { Link } from 'react-router';
import { ThemeToggle } from '../theme/ThemeToggle';

export function AppHeader() {
  return (
    <header className="app__header">
      <Link to="/" className="app__brand">
        <span aria-hidden="true" className="app__logo" />
        Workload Tracker
      </Link>
      <ThemeToggle />
    </header>
  );
}
