// Browser entry point: applies the saved theme, starts restoring the session (silent
// refresh) and mounts the app, which shows a loading state until that settles.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { restoreSession } from './api/auth';
import { App } from './App';
import { createQueryClient } from './queryClient';
import { routes } from './routes';
import { applyThemePreference, readThemePreference } from './theme/theme';
import './styles/tokens.css';
import './styles/base.css';

applyThemePreference(readThemePreference());
void restoreSession();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App queryClient={createQueryClient()} router={createBrowserRouter(routes)} />
  </StrictMode>,
);
