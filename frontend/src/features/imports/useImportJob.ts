// The import job the screen shows, asked again until it ends: each ask lets the server
// hold the answer for up to a second (`Prefer: wait=1`), so the bar moves about once a
// second and the end shows at once. When a real import has been applied, every cached
// list and grid is refreshed (people, projects and hours may all have changed).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { importReportOf } from '../../api/imports';
import { JOBS_QUERY_KEY, fetchJob } from '../../api/jobs';
import { WATCH_WAIT_SECONDS, watchInterval } from '../../shared/jobs/watchInterval';
import { queryKeys } from '../../api/queryKeys';

export const importJobKey = queryKeys.jobs.import;

export function useImportJob(id: number | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importJobKey(id),
    queryFn: ({ signal }) => fetchJob(id ?? 0, { waitSeconds: WATCH_WAIT_SECONDS, signal }),
    enabled: id !== null,
    refetchInterval: (current) => watchInterval(current.state.data),
    refetchOnWindowFocus: false,
  });

  const job = query.data;
  const applied = job ? importReportOf(job)?.applied === true : false;
  useEffect(() => {
    if (applied) void queryClient.invalidateQueries({ predicate: (cached) => cached.queryKey[0] !== JOBS_QUERY_KEY[0] });
  }, [applied, queryClient]);

  return query;
}
