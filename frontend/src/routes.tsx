// The route table, shared by the browser router (main.tsx) and tests (memory router).
// Public: the account pages (/login, /forgot-password, /reset-password), /status and
// the not-found page. Everything else needs sign-in (the reference data, /departments,
// /roles and /skills, /jobs and /import included; /import itself says when a person is
// not a manager); /admin (users, audit log, backups) also needs the admin role. The chart pages (/dashboard,
// /forecast, /my-work) load on first visit, so the chart library is not in the main bundle.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAdmin } from './auth/RequireAdmin';
import { RequireAuth } from './auth/RequireAuth';
import { AuditTab } from './features/admin/AuditTab';
import { BackupsTab } from './features/backups/BackupsTab';
import { UsersTab } from './features/admin/UsersTab';
import { ScopedNavigate } from './features/departmentScope/ScopedLink';
import { AppLayout } from './layout/AppLayout';
import { AuthLayout } from './layout/AuthLayout';
import { AdminPage } from './pages/AdminPage';
import { DepartmentsPage } from './pages/DepartmentsPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { ImportPage } from './pages/ImportPage';
import { JobsPage } from './pages/JobsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonPage } from './pages/PersonPage';
import { PlanningPage } from './pages/PlanningPage';
import { ProfilePage } from './pages/ProfilePage';
import { ProjectGridPage } from './pages/ProjectGridPage';
import { ProjectPage } from './pages/ProjectPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { RolesPage } from './pages/RolesPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { SkillsPage } from './pages/SkillsPage';
import { StatusPage } from './pages/StatusPage';
import { LazyPage } from './routing/LazyPage';

const DashboardPage = lazy(() => import('./pages/DashboardPage').then((page) => ({ default: page.DashboardPage })));
const ForecastPage = lazy(() => import('./pages/ForecastPage').then((page) => ({ default: page.ForecastPage })));
const MyWorkPage = lazy(() => import('./pages/MyWorkPage').then((page) => ({ default: page.MyWorkPage })));

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
              { index: true, element: <OverviewPage /> },
              { path: 'dashboard', element: <LazyPage page={DashboardPage} /> },
              { path: 'forecast', element: <LazyPage page={ForecastPage} /> },
              { path: 'my-work', element: <LazyPage page={MyWorkPage} /> },
              { path: 'planning', element: <PlanningPage /> },
              { path: 'planning/projects', element: <ProjectGridPage /> },
              { path: 'people', element: <PeoplePage /> },
              { path: 'people/:id', element: <PersonPage /> },
              { path: 'projects', element: <ProjectsPage /> },
              { path: 'projects/:id', element: <ProjectPage /> },
              { path: 'departments', element: <DepartmentsPage /> },
              { path: 'roles', element: <RolesPage /> },
              { path: 'skills', element: <SkillsPage /> },
              { path: 'import', element: <ImportPage /> },
              { path: 'jobs', element: <JobsPage /> },
              { path: 'profile', element: <ProfilePage /> },
              {
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  {
                    element: <AdminPage />,
                    children: [
                      { index: true, element: <ScopedNavigate to="/admin/users" replace /> },
                      { path: 'users', element: <UsersTab /> },
                      { path: 'audit', element: <AuditTab /> },
                      { path: 'backups', element: <BackupsTab /> },
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
