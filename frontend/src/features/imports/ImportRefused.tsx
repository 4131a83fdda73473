// A check or an import that ended without a report: the file was refused (its code and
// the server's message, in words, with what to do about it), or the run was stopped.
// Either way nothing was changed.
import { Link } from 'react-router';
import type { Job } from '../../api/jobs';
import { refusalAdvice } from './importReport';
import { useFocusOnShow } from './useFocusOnShow';

interface Props {
  job: Job;
  /** Set when the file was refused; absent when the run was cancelled. */
  refusal?: { code: string; message: string };
  onAgain: () => void;
}

export function ImportRefused({ job, refusal, onAgain }: Props) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  return (
    <section className="card import-panel import-panel--refused" aria-labelledby="import-refused-title" data-testid="import-refused">
      <h2 id="import-refused-title" ref={heading} tabIndex={-1}>
        {refusal ? (
          <>
            <span aria-hidden="true">✕ </span>The file was refused
          </>
        ) : (
          'The import was stopped'
        )}
      </h2>
      {refusal ? (
        <div role="alert">
          <p className="import-refusal" data-testid="import-refusal">
            {refusal.message} <code className="import-refusal__code">{refusal.code}</code>
          </p>
          <p>{refusalAdvice(refusal.code)}</p>
        </div>
      ) : (
        <p role="status">It was cancelled before it finished.</p>
      )}
      <p className="muted">
        Nothing was changed. <Link to={`/jobs?job=${job.id}`}>See the job</Link>
      </p>
      <div className="form-actions">
        <button type="button" className="button button--quiet" onClick={onAgain}>
          Choose another file
        </button>
      </div>
    </section>
  );
}
