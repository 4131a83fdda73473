// What the grid area shows when there is no grid to show: skeleton rows while the first
// load runs, the empty state when no one matches, and the error card with a retry.
import { errorMessage } from '../../ui/errorMessage';

export function GridSkeleton() {
  return (
    <div className="plan-skeleton" aria-busy="true" data-testid="planning-loading">
      <p className="visually-hidden" role="status">
        Loading the planning grid…
      </p>
      {Array.from({ length: 10 }, (_, row) => (
        <div key={row} className="plan-skeleton__row" aria-hidden="true">
          <span className="plan-skeleton__bar plan-skeleton__bar--name" />
          {Array.from({ length: 8 }, (_, col) => (
            <span key={col} className="plan-skeleton__bar" />
          ))}
        </div>
      ))}
    </div>
  );
}

export function GridEmpty({ filtered }: { filtered: boolean }) {
  return (
    <div className="card plan-empty">
      <h2>No people match these filters</h2>
      <p className="muted">
        {filtered
          ? 'Try another department, include sub-departments, or clear the search.'
          : 'Add people on the People page, or import them, to start planning.'}
      </p>
    </div>
  );
}

export function GridError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="card plan-error" role="alert">
      <h2>The planning grid could not be loaded</h2>
      <p>{errorMessage(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
