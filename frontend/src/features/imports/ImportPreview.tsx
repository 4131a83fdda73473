// What a check found: the file's rows and problems in one line, the counts per entity,
// the first errors and warnings, the full report, and the confirmation: "Import <file>"
// sends the same file again for real, or words on why it cannot be imported as it is.
import type { ImportReport } from '../../api/imports';
import type { Job } from '../../api/jobs';
import { CountsTable, IssuesTable } from './ReportTables';
import { ReportDownload } from './ReportDownload';
import { confirmLabel, confirmState } from './importFlow';
import { checkedChanges, reportSummary } from '../../shared/jobs/importSummary';
import { useFocusOnShow } from './useFocusOnShow';

interface Props {
  job: Job;
  report: ImportReport;
  fileAtHand: boolean;
  skipBadRows: boolean;
  sending: boolean;
  onConfirm: () => void;
}

export function ImportPreview({ job, report, fileAtHand, skipBadRows, sending, onConfirm }: Props) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const confirm = confirmState(report, { fileAtHand, skipBadRows });
  return (
    <section className="card import-panel" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h2 id="import-preview-title" ref={heading} tabIndex={-1}>Check of {report.fileName || 'the file'}: nothing has been changed yet</h2>
      <p data-testid="import-summary">{reportSummary(report)}.</p>
      <CountsTable report={report} />
      <IssuesTable report={report} />
      <p className="import-panel__links">
        <ReportDownload jobId={job.id} report={report} />
      </p>
      <div className="import-confirm">
        {confirm.ready ? (
          <>
            <button type="button" className="button" disabled={sending} onClick={onConfirm}>
              {sending ? 'Sending…' : confirmLabel(report)}
            </button>
            <span className="muted">
              {checkedChanges(report)}
              {report.errors > 0 ? '; the rows with errors are left out' : ''}.
            </span>
          </>
        ) : (
          <p className="import-hint" role="status" data-testid="import-blocked">
            {confirm.reason}
          </p>
        )}
      </div>
    </section>
  );
}
