// A job row's actions: Cancel (who asked for the job, or an admin, while it is queued
// or running; confirmed first, since a cancelled job's work is rolled back) and Retry
// (admins, for a failed or cancelled job). Buttons name their job for screen readers.
import { useState } from 'react';
import type { Job } from '../../api/jobs';
import { canCancelJob, canRetryJob } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/useSession';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage } from '../../ui/errorMessage';
import { jobTitle } from './jobLabels';
import { useCancelJob, useRetryJob } from './useJobActions';

function CancelJob({ job }: { job: Job }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useCancelJob(job);
  const title = jobTitle(job);
  return (
    <>
      <button type="button" className="button button--quiet button--small" aria-label={`Cancel ${title}`}
        onClick={() => setConfirming(true)}>
        Cancel…
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Cancel ${title}?`}
          confirmLabel="Cancel the job"
          dismissLabel="Keep it"
          pending={cancel.isPending}
          problem={cancel.error ? errorMessage(cancel.error) : undefined}
          onConfirm={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}
          onClose={() => {
            setConfirming(false);
            cancel.reset();
          }}
        >
          <p>
            {job.state === 'queued'
              ? 'It has not started, so it will not run at all.'
              : 'It stops at its next step and undoes what it has done so far.'}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

function RetryJob({ job, onQueued }: { job: Job; onQueued: (id: number) => void }) {
  const retry = useRetryJob(job, onQueued);
  return (
    <button type="button" className="button button--quiet button--small" aria-label={`Retry ${jobTitle(job)}`}
      disabled={retry.isPending} onClick={() => retry.mutate()}>
      {retry.isPending ? 'Retrying…' : 'Retry'}
    </button>
  );
}

export function JobActions({ job, onQueued }: { job: Job; onQueued: (id: number) => void }) {
  const me = useCurrentUser();
  return (
    <div className="row-actions">
      {canCancelJob(me, job) && <CancelJob job={job} />}
      {canRetryJob(me, job) && <RetryJob job={job} onQueued={onQueued} />}
    </div>
  );
}
