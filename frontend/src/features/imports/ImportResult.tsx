// What an import did: written (the counts, any warnings, the full report and links to
// the People or Projects pages), or nothing written because rows had errors and bad
// rows were not skipped (the errors, and what to do). "Import another file" starts over.
import { Link } from 'react-router';
import type { ImportReport } from '../../api/imports';
import type { Job } from '../../api/jobs';
import { CountsTable, IssuesTable } from './ReportTables';
import { ReportDownload } from './ReportDownload';
import { kindOf } from './importReport';
import { reportSummary } from '../../shared/jobs/importSummary';
import { useFocusOnShow } from './useFocusOnShow';

const LINKS = {
  people: [
    { to: '/people', label: 'Open People' },
    { to: '/planning', label: 'Open the planning grid' },
  ],
  projects: [
    { to: '/projects', label: 'Open Projects' },
    { to: '/planning/projects', label: 'Open the project grid' },
  ],
} as const;

export function ImportResult({ job, report, onAgain }: { job: Job; report: ImportReport; onAgain: () => void }) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const kind = kindOf(report);
  return (
    <section className="card import-panel" aria-labelledby="import-result-title" data-testid="import-result">
      <h2 id="import-result-title" ref={heading} tabIndex={-1}>
        {report.applied ? (
          <>
            <span aria-hidden="true">✓ </span>Import done
          </>
        ) : (
          <>
            <span aria-hidden="true">✕ </span>Nothing was imported
          </>
        )}
      </h2>
      <p data-testid="import-summary" role="status">{reportSummary(report)}.</p>
      {!report.applied && (
        <p className="import-hint">
          One bad row keeps the whole file out. Fix the rows below and check the file again, or turn on “Skip bad rows”.
        </p>
      )}
      <CountsTable report={report} />
      <IssuesTable report={report} />
      <p className="import-panel__links">
        <ReportDownload jobId={job.id} report={report} />
        {report.applied &&
          kind &&
          LINKS[kind].map((link) => (
            <Link key={link.to} to={link.to}>
              {link.label}
            </Link>
          ))}
      </p>
      <div className="form-actions">
        <button type="button" className="button button--quiet" onClick={onAgain}>
          Import another file
        </button>
      </div>
    </section>
  );
}
