// Jobs started from a screen are watched until they end (with `Prefer: wait`, see
// waitForEnd) and then handed on. The watch lasts as long as the screen is open;
// leaving it stops every wait.
import { useCallback, useEffect, useRef } from 'react';
import type { Job } from '../../api/jobs';
import { waitForEnd } from './waitForEnd';

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
