// Any unknown path: say so plainly and offer a way back.
import { useLocation } from 'react-router';
import { ScopedLink } from '../shared/departmentScope/ScopedLink';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <title>Page not found · Workload Tracker</title>
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{pathname}</code>. The link may be old or mistyped.
      </p>
      <p>
        <ScopedLink to="/">Go to the overview</ScopedLink>
      </p>
    </>
  );
}
