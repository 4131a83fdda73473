// The route table, shared by the browser router (main.tsx) and tests (memory router).
// Public: the account pages (/login, /forgot-password, /reset-password), /status and
// the not-found page. Everything else needs sign-in (the reference data, /departments,
// /roles and /skills, /jobs and /import included; /import itself says when a person is
// not a manager); /admin (users, audit log, backups) also needs the admin role. The chart
// pages (/dashboard, /forecast, /my-work), every other signed-in page and each admin tab
// load on first visit (code split per route), so the main bundle holds only the shell and
// the account pages.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAdmin } from './auth/RequireAdmin';
import { RequireAuth } from './auth/RequireAuth';
import { ScopedNavigate } from './shared/departmentScope/ScopedLink';
import { AppLayout } from './layout/AppLayout';
import { AuthLayout } from './layout/AuthLayout';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { StatusPage } from './pages/StatusPage';
import { LazyPage } from './routing/LazyPage';

const OverviewPage = lazy(() => import('./pages/OverviewPage').then((page) => ({ default: page.OverviewPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((page) => ({ default: page.DashboardPage })));
const ForecastPage = lazy(() => import('./pages/ForecastPage').then((page) => ({ default: page.ForecastPage })));
const MyWorkPage = lazy(() => import('./pages/MyWorkPage').then((page) => ({ default: page.MyWorkPage })));
const PlanningPage = lazy(() => import('./pages/PlanningPage').then((page) => ({ default: page.PlanningPage })));
const ProjectGridPage = lazy(() => import('./pages/ProjectGridPage').then((page) => ({ default: page.ProjectGridPage })));
const PeoplePage = lazy(() => import('./pages/PeoplePage').then((page) => ({ default: page.PeoplePage })));
const PersonPage = lazy(() => import('./pages/PersonPage').then((page) => ({ default: page.PersonPage })));
const ProjectsPage = lazy(() => import('./pages/ProjectsPage').then((page) => ({ default: page.ProjectsPage })));
const ProjectPage = lazy(() => import('./pages/ProjectPage').then((page) => ({ default: page.ProjectPage })));
const DepartmentsPage = lazy(() => import('./pages/DepartmentsPage').then((page) => ({ default: page.DepartmentsPage })));
const RolesPage = lazy(() => import('./pages/RolesPage').then((page) => ({ default: page.RolesPage })));
const SkillsPage = lazy(() => import('./pages/SkillsPage').then((page) => ({ default: page.SkillsPage })));
const ImportPage = lazy(() => import('./pages/ImportPage').then((page) => ({ default: page.ImportPage })));
const JobsPage = lazy(() => import('./pages/JobsPage').then((page) => ({ default: page.JobsPage })));
const ProfilePage = lazy(() => import('./pages/ProfilePage').then((page) => ({ default: page.ProfilePage })));
const AdminPage = lazy(() => import('./pages/AdminPage').then((page) => ({ default: page.AdminPage })));
const UsersTab = lazy(() => import('./features/admin/UsersTab').then((tab) => ({ default: tab.UsersTab })));
const AuditTab = lazy(() => import('./features/admin/AuditTab').then((tab) => ({ default: tab.AuditTab })));
const BackupsTab = lazy(() => import('./features/backups/BackupsTab').then((tab) => ({ default: tab.BackupsTab })));

export const routes: RouteObject[] = [
  {
    element: <AuthLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: 'login', element: <LoginPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
    ],
  },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { path: 'status', element: <StatusPage /> },
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <LazyPage page={OverviewPage} /> },
              { path: 'dashboard', element: <LazyPage page={DashboardPage} /> },
              { path: 'forecast', element: <LazyPage page={ForecastPage} /> },
              { path: 'my-work', element: <LazyPage page={MyWorkPage} /> },
              { path: 'planning', element: <LazyPage page={PlanningPage} /> },
              { path: 'planning/projects', element: <LazyPage page={ProjectGridPage} /> },
              { path: 'people', element: <LazyPage page={PeoplePage} /> },
              { path: 'people/:id', element: <LazyPage page={PersonPage} /> },
              { path: 'projects', element: <LazyPage page={ProjectsPage} /> },
              { path: 'projects/:id', element: <LazyPage page={ProjectPage} /> },
              { path: 'departments', element: <LazyPage page={DepartmentsPage} /> },
              { path: 'roles', element: <LazyPage page={RolesPage} /> },
              { path: 'skills', element: <LazyPage page={SkillsPage} /> },
              { path: 'import', element: <LazyPage page={ImportPage} /> },
              { path: 'jobs', element: <LazyPage page={JobsPage} /> },
              { path: 'profile', element: <LazyPage page={ProfilePage} /> },
              {
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  {
                    element: <LazyPage page={AdminPage} />,
                    children: [
                      { index: true, element: <ScopedNavigate to="/admin/users" replace /> },
                      { path: 'users', element: <LazyPage page={UsersTab} /> },
                      { path: 'audit', element: <LazyPage page={AuditTab} /> },
                      { path: 'backups', element: <LazyPage page={BackupsTab} /> },
                    ],
                  },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
