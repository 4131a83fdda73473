// Shown when rendering a route throws: an honest message and a reload action.
import { ScopedLink } from '../shared/departmentScope/ScopedLink';

export function RouteErrorPage() {
  return (
    <div className="card error-page" role="alert">
      <title>Something went wrong · Workload Tracker</title>
      <h1>Something went wrong</h1>
      <p>This page hit an unexpected problem. Reloading usually helps.</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        or <ScopedLink to="/">go to the overview</ScopedLink>.
      </p>
    </div>
  );
}
