// What the grid area shows when there is no grid to show: skeleton rows while the first
// load runs, the empty state when no person (people grid) or project (project grid)
// matches (unfiltered, it links managers and admins to the import page), and the error
// card with a retry.
import { Link } from 'react-router';
import { canImport } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/useSession';
import { errorMessage } from '../../ui/errorMessage';
import { importPath } from '../../shared/links/importParams';

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

/** Each grid's empty state: its heading, and what to do with filters on or off. */
const EMPTY = {
  people: {
    heading: 'No people match these filters',
    filtered: 'Try another department, include sub-departments, or clear the search.',
    page: 'People',
  },
  projects: {
    heading: 'No projects match these filters',
    filtered: 'Try another status or department, or clear the search.',
    page: 'Projects',
  },
} as const;

export function GridEmpty({ rows, filtered }: { rows: keyof typeof EMPTY; filtered: boolean }) {
  const text = EMPTY[rows];
  const mayImport = canImport(useCurrentUser());
  return (
    <div className="card plan-empty">
      <h2>{text.heading}</h2>
      <p className="muted">
        {filtered ? (
          text.filtered
        ) : (
          <>
            Add {rows} on the {text.page} page, or{' '}
            {mayImport ? <Link to={importPath(rows)}>import them from a spreadsheet</Link> : 'import them'}, to start planning.
          </>
        )}
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
