// The page frame: skip link, header, side navigation and the routed main content.
import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader';
import { SideNav } from './SideNav';
import './layout.css';

export function AppLayout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <SideNav />
      <main id="main" className="app__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
