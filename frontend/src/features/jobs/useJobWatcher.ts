// The jobs screen's own jobs (a probe, a cache warm-up, a retry) are watched until they
// end (shared/jobs/useJobEndWatcher) and announced in a toast: what they produced, or
// why they failed.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { JOBS_QUERY_KEY, type Job } from '../../api/jobs';
import { jobTitle } from '../../shared/jobs/jobLabels';
import { summarizeResult } from '../../shared/jobs/jobResults';
import { useJobEndWatcher } from '../../shared/jobs/useJobEndWatcher';
import { useToast } from '../../ui/toast/useToast';

/** Ends `text` with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** The toast for a job that ended, and whether it reads as an error. */
export function finishedToast(job: Job): { message: string; tone: 'success' | 'error' } {
  const title = jobTitle(job);
  if (job.state === 'failed') {
    return { message: sentence(`${title} failed: ${job.error?.message ?? 'no reason was given'}`), tone: 'error' };
  }
  if (job.state === 'cancelled') return { message: `${title} was cancelled.`, tone: 'success' };
  const summary = summarizeResult(job);
  return { message: sentence(summary ? `${title} finished: ${summary}` : `${title} finished`), tone: 'success' };
}

/** The jobs screen's watcher: a toast for each ended job, and the lists refreshed. */
export function useJobWatcher(): (id: number) => void {
  const toast = useToast();
  const queryClient = useQueryClient();
  const watch = useJobEndWatcher();
  return useCallback(
    (id: number) =>
      watch(id, (job) => {
        const { message, tone } = finishedToast(job);
        toast(message, tone);
        void queryClient.invalidateQueries({ queryKey: JOBS_QUERY_KEY });
      }),
    [watch, toast, queryClient],
  );
}
