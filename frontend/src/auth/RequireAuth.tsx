// Route guard for everything behind sign-in: waits for the session check, then either
// renders the page or sends the visitor to /login?next=<where they were going>.
import { Navigate, Outlet, useLocation } from 'react-router';
import { loginPathFor } from './nextPath';
import { SessionLoading } from './SessionLoading';
import { useSession } from './useSession';

export function RequireAuth() {
  const session = useSession();
  const { pathname, search, hash } = useLocation();
  if (session.status === 'restoring') return <SessionLoading />;
  if (session.status === 'signedOut') {
    return <Navigate to={loginPathFor(`${pathname}${search}${hash}`)} replace />;
  }
  return <Outlet />;
}
