// Jobs started from a screen are watched until they end (with `Prefer: wait`, see
// waitForEnd) and then handed on. The jobs screen's own (a probe, a cache warm-up, a
// retry) are announced in a toast: what they produced, or why they failed. The watch
// lasts as long as the screen is open; leaving it stops every wait.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { JOBS_QUERY_KEY, type Job } from '../../api/jobs';
import { useToast } from '../../ui/toast/useToast';
import { jobTitle, summarizeResult } from './jobLabels';
import { waitForEnd } from './waitForEnd';

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

/**
 * Watches jobs until they end and hands each ended job to the `onEnd` given with it. The
 * watch lasts as long as the component using it is mounted; a job already watched is not
 * watched twice.
 */
export function useJobEndWatcher(): (id: number, onEnd: (job: Job) => void) => void {
  const controller = useRef<AbortController | null>(null);
  const watching = useRef(new Set<number>());

  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    return () => current.abort();
  }, []);

  return useCallback((id: number, onEnd: (job: Job) => void) => {
    const signal = controller.current?.signal;
    if (!signal || signal.aborted || watching.current.has(id)) return;
    watching.current.add(id);
    void waitForEnd(id, signal).then((job) => {
      watching.current.delete(id);
      if (job && !signal.aborted) onEnd(job);
    });
  }, []);
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
