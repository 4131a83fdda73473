// Admins: start a cache warm-up now instead of waiting for its schedule (the server
// answers with the one already waiting, if any). Like a probe, it is watched to its end.
import { useMutation } from '@tanstack/react-query';
import { startedJobId, startWarmCache, type JobKind, type Queue } from '../../api/jobs';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';

/** Told about a job this screen started, so it shows and is watched. */
export type OnStarted = (id: number, kind: JobKind, queue: Queue) => void;

export function WarmCacheButton({ onStarted }: { onStarted: OnStarted }) {
  const toast = useToast();
  const warm = useMutation({
    mutationFn: startWarmCache,
    onSuccess: (queued) => onStarted(startedJobId(queued), 'warm_cache', 'cache'),
    onError: (error) => toast(errorMessage(error), 'error'),
  });
  return (
    <div className="card jobs-warm">
      <h2>Cache</h2>
      <p className="muted">Dashboards read a cache the schedule refreshes; warm it now after a large change.</p>
      <button type="button" className="button button--quiet" disabled={warm.isPending} onClick={() => warm.mutate()}>
        {warm.isPending ? 'Starting…' : 'Warm the cache now'}
      </button>
    </div>
  );
}
