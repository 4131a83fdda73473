// A check or an import under way: what it is about, the job's real progress bar (stage
// and percent, as the worker reports them) and a way to stop it (its work is rolled back).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cancelJob, type Job } from '../../api/jobs';
import { canCancelJob } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/useSession';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { JobProgress } from '../../shared/jobs/JobProgress';
import { importJobKey } from './useImportJob';

export function ImportWorking({ job, title }: { job: Job; title: string }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelJob(job.id),
    onSuccess: (updated) => queryClient.setQueryData(importJobKey(job.id), updated),
  });
  return (
    <section className="card import-panel" aria-labelledby="import-working-title" data-testid="import-working">
      <h2 id="import-working-title">{title}…</h2>
      <JobProgress job={job} />
      {job.cancelRequested && <p className="muted">Stopping at the next step; nothing will be changed.</p>}
      {canCancelJob(user, job) && (
        <div className="form-actions">
          <button type="button" className="button button--quiet button--small" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            Stop
          </button>
        </div>
      )}
      {cancel.error ? <FormAlert tone="error">{errorMessage(cancel.error)}</FormAlert> : null}
    </section>
  );
}
