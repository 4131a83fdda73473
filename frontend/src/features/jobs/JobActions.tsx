// A job row's actions: Cancel (who asked for the job, or an admin, while it is queued
// or running; confirmed first, since a cancelled job's work is rolled back) and Retry
// (admins, for a failed or cancelled job). Buttons name their job for screen readers.
// A done cancel takes the Cancel button away, so focus goes to the row's name rather
// than falling to the page.
import { useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { Job } from '../../api/jobs';
import { canCancelJob, canRetryJob } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/useSession';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage } from '../../ui/errorMessage';
import { jobTitle } from '../../shared/jobs/jobLabels';
import { useCancelJob, useRetryJob } from './useJobActions';

function CancelJob({ job, rowHead }: { job: Job; rowHead: RefObject<HTMLElement | null> }) {
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
          onConfirm={() =>
            cancel.mutate(undefined, {
              onSuccess: () => {
                // The dialog must be gone (and the page no longer inert) before focus can move.
                flushSync(() => setConfirming(false));
                rowHead.current?.focus();
              },
            })
          }
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

interface Props {
  job: Job;
  onQueued: (id: number) => void;
  /** The row's name cell, focused once a cancel is done. */
  rowHead: RefObject<HTMLElement | null>;
}

export function JobActions({ job, onQueued, rowHead }: Props) {
  const me = useCurrentUser();
  return (
    <div className="row-actions">
      {canCancelJob(me, job) && <CancelJob job={job} rowHead={rowHead} />}
      {canRetryJob(me, job) && <RetryJob job={job} onQueued={onQueued} />}
    </div>
  );
}
