// The page frame: skip link, header, side navigation, the routed main content (with
// the app-wide "?" keyboard shortcuts overlay) and the toasts any page can raise.
import { Outlet } from 'react-router';
import { ShortcutsProvider } from '../shared/shortcuts/ShortcutsProvider';
import { ToastProvider } from '../ui/toast/ToastProvider';
import { AppHeader } from './AppHeader';
import { SideNav } from './SideNav';
import './layout.css';
import '../ui/forms.css';
import '../ui/lists.css';

export function AppLayout() {
  return (
    <ToastProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AppHeader />
        <SideNav />
        <main id="main" className="app__main" tabIndex={-1}>
          <ShortcutsProvider>
            <Outlet />
          </ShortcutsProvider>
        </main>
      </div>
    </ToastProvider>
  );
}
