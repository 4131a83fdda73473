// A large export runs as a job: this dialog shows its bar (stage and percent), then
// offers the file it wrote, or says why it failed. Closing it leaves the job running;
// the Jobs page still has it.
import { Link } from 'react-router';
import { downloadJobFile } from '../../api/jobs';
import { Dialog } from '../../ui/Dialog';
import { DownloadButton } from '../../ui/DownloadButton';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { JobProgress } from '../../shared/jobs/JobProgress';
import { formatBytes } from '../../ui/formatBytes';
import { exportFileOf } from './exportWords';
import { useExportJob } from './useExportJob';

interface Props {
  jobId: number;
  title: string;
  fallbackName: string;
  onClose: () => void;
}

export function ExportJobDialog({ jobId, title, fallbackName, onClose }: Props) {
  const watched = useExportJob(jobId);
  const job = watched.data;
  const file = job ? exportFileOf(job) : null;
  return (
    <Dialog title={title} onClose={onClose}>
      <p className="muted">The list is large, so it is written in the background.</p>
      {job && <JobProgress job={job} />}
      {watched.error && !job ? <FormAlert tone="error">{errorMessage(watched.error)}</FormAlert> : null}
      {job?.state === 'failed' && (
        <FormAlert tone="error">The export failed: {job.error?.message ?? 'no reason was given'}</FormAlert>
      )}
      {file && (
        <p className="export-ready" role="status">
          Ready: {file.name} ({formatBytes(file.bytes)}).{' '}
          <DownloadButton label="Download the file" fetchFile={() => downloadJobFile(jobId)} fallbackName={file.name || fallbackName} />
        </p>
      )}
      <div className="form-actions">
        <Link to={`/jobs?job=${jobId}`}>See the job</Link>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
