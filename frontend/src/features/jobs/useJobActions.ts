// Cancel and retry for one job. The server's answer replaces the row at once (a running
// job shows "cancel requested" until it stops), then the lists and figures refresh.
// A retried job is watched so its end is announced; a failed retry says why in a toast,
// a failed cancel in its confirmation dialog.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { JOBS_QUERY_KEY, cancelJob, retryJob, type Job, type JobPage } from '../../api/jobs';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { jobTitle } from '../../shared/jobs/jobLabels';
import { JOB_VIEWS_KEY } from './useJobs';

/** Puts the server's copy of `job` into every cached list that shows it. */
function replaceRow(queryClient: QueryClient, job: Job) {
  queryClient.setQueriesData<JobPage>({ queryKey: JOB_VIEWS_KEY }, (page) =>
    page && { ...page, items: page.items.map((row) => (row.id === job.id ? job : row)) },
  );
  void queryClient.invalidateQueries({ queryKey: JOBS_QUERY_KEY });
}

export function useCancelJob(job: Job) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: () => cancelJob(job.id),
    onSuccess: (updated) => {
      replaceRow(queryClient, updated);
      toast(
        updated.state === 'cancelled'
          ? `${jobTitle(updated)} was cancelled.`
          : `${jobTitle(updated)} was asked to stop; it ends at its next step.`,
      );
    },
    // The job may have ended meanwhile (409 job_finished): show how it ended.
    onError: () => void queryClient.invalidateQueries({ queryKey: JOBS_QUERY_KEY }),
  });
}

export function useRetryJob(job: Job, onQueued: (id: number) => void) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: () => retryJob(job.id),
    onSuccess: (updated) => {
      replaceRow(queryClient, updated);
      toast(`${jobTitle(updated)} is queued again.`);
      onQueued(updated.id);
    },
    onError: (error) => {
      toast(errorMessage(error), 'error');
      void queryClient.invalidateQueries({ queryKey: JOBS_QUERY_KEY });
    },
  });
}
