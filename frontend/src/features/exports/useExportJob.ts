// A queued export, asked again until it ends (each ask lets the server hold the answer
// up to a second, so the bar moves and the end shows at once).
import { useQuery } from '@tanstack/react-query';
import { fetchJob } from '../../api/jobs';
import { WATCH_WAIT_SECONDS, watchInterval } from '../../shared/jobs/watchInterval';
import { queryKeys } from '../../api/queryKeys';

export function useExportJob(id: number) {
  return useQuery({
    queryKey: queryKeys.jobs.export(id),
    queryFn: ({ signal }) => fetchJob(id, { waitSeconds: WATCH_WAIT_SECONDS, signal }),
    refetchInterval: (current) => watchInterval(current.state.data),
    refetchOnWindowFocus: false,
  });
}
