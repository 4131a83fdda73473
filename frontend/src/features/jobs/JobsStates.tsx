// What the jobs list shows when it has no rows to show: skeleton rows while the first
// page loads, an empty state that says what creates jobs (and, to admins, how to start
// one), and an error card with the server's words and a retry.
import { errorMessage } from '../../ui/errorMessage';

const SKELETON_ROWS = 6;

export function JobsSkeleton() {
  return (
    <div aria-busy="true" data-testid="jobs-loading">
      <p className="visually-hidden" role="status">
        Loading jobs…
      </p>
      <div className="jobs-skeleton" aria-hidden="true">
        {Array.from({ length: SKELETON_ROWS }, (_, row) => (
          <div key={row} className="jobs-skeleton__row">
            <span className="jobs-skeleton__bar" />
            <span className="jobs-skeleton__bar jobs-skeleton__bar--short" />
            <span className="jobs-skeleton__bar jobs-skeleton__bar--long" />
            <span className="jobs-skeleton__bar" />
          </div>
        ))}
      </div>
    </div>
  );
}

interface EmptyProps {
  filtered: boolean;
  isAdmin: boolean;
  onClear: () => void;
}

export function JobsEmpty({ filtered, isAdmin, onClear }: EmptyProps) {
  if (filtered) {
    return (
      <div className="card jobs-empty">
        <h2>No jobs match these filters</h2>
        <p className="muted">Choose another kind, state or queue, or show every job.</p>
        <button type="button" className="button button--quiet" onClick={onClear}>
          Clear the filters
        </button>
      </div>
    );
  }
  return (
    <div className="card jobs-empty">
      <h2>No jobs yet</h2>
      <p className="muted">
        Jobs are the work the server does in the background: sending invitation and password
        emails, warming the cache for dashboards, and nightly housekeeping. Each shows here with
        its progress while it runs and its outcome after.
      </p>
      {isAdmin && (
        <p className="muted">
          To check that the workers take work, run a test job with the form above and watch its bar
          move.
        </p>
      )}
    </div>
  );
}

export function JobsError({ error, retrying, onRetry }: { error: unknown; retrying: boolean; onRetry: () => void }) {
  return (
    <div className="card jobs-error" role="alert">
      <h2>The jobs could not be loaded</h2>
      <p>{errorMessage(error)}</p>
      <button type="button" className="button" disabled={retrying} onClick={onRetry}>
        {retrying ? 'Trying again…' : 'Try again'}
      </button>
    </div>
  );
}
