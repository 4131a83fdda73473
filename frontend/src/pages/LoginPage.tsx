// /login: the sign-in page. Already signed in (or once signed in) it moves on to the
// `next` path; it also says why someone landed here (session ended, password set).
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { LoginForm } from '../auth/LoginForm';
import { safeNextPath } from '../auth/nextPath';
import { SessionLoading } from '../auth/SessionLoading';
import { useSession } from '../auth/useSession';
import { FormAlert } from '../ui/FormAlert';

/** Location state other pages pass when they send someone here with news. */
export interface LoginNotice {
  notice?: string;
}

export function LoginPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const notice = (useLocation().state as LoginNotice | null)?.notice;

  if (session.status === 'restoring') return <SessionLoading />;
  if (session.status === 'signedIn') return <Navigate to={safeNextPath(params.get('next'))} replace />;

  return (
    <>
      <title>Sign in · Workload Tracker</title>
      <h1>Sign in</h1>
      {notice && <FormAlert tone="success">{notice}</FormAlert>}
      {!notice && session.expired && (
        <FormAlert tone="success">Your session ended. Sign in again to continue.</FormAlert>
      )}
      <LoginForm />
    </>
  );
}
