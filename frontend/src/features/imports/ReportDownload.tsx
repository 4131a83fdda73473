// "Download full report": every row error and warning of a check or an import, as the
// CSV file the job left (GET /api/jobs/{id}/download), with its size when known.
import type { ImportReport } from '../../api/imports';
import { downloadJobFile } from '../../api/jobs';
import { DownloadButton } from '../../ui/DownloadButton';
import { formatBytes } from '../../ui/formatBytes';

export function ReportDownload({ jobId, report }: { jobId: number; report: ImportReport }) {
  // Older results may predate the report file.
  const file = (report as Partial<ImportReport>).download ?? null;
  if (!file) return null;
  return (
    <span className="import-download">
      <DownloadButton label="Download full report" fetchFile={() => downloadJobFile(jobId)} fallbackName={file.name} />
      <span className="muted">CSV, {formatBytes(file.bytes)}</span>
    </span>
  );
}
