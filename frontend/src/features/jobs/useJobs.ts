// The jobs screen's queries. The list is one page of jobs (or, with ?job=, that one job
// shaped as a page), asked again every second while any of it is queued or running; the
// admins' queue figures and schedules come from their own endpoints. Earlier data stays
// on screen while a new filter loads or a refresh runs, so nothing blinks.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchJob,
  fetchJobStats,
  fetchJobs,
  fetchSchedules,
  type JobPage,
} from '../../api/jobs';
import { useCurrentUser } from '../../auth/useSession';
import { toJobFilters, type JobParams } from './jobParams';
import { IDLE_REFRESH_MS, jobsRefreshInterval, statsRefreshInterval } from './jobRefresh';
import { queryKeys } from '../../api/queryKeys';

/** The query key prefix of every shown list (cancel and retry patch rows under it). */
export const JOB_VIEWS_KEY = queryKeys.jobs.views;

export function useJobList(params: JobParams) {
  const userId = useCurrentUser()?.id ?? null;
  const filters = toJobFilters(params, userId);
  const one = params.job;
  return useQuery({
    queryKey: [...JOB_VIEWS_KEY, one === null ? filters : { job: one }],
    queryFn: ({ signal }): Promise<JobPage> =>
      one === null
        ? fetchJobs(filters, signal)
        : fetchJob(one, { signal }).then((job) => ({ items: [job], page: 1, pageSize: 1, total: 1 })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => jobsRefreshInterval(query.state.data?.items),
  });
}

export function useJobStats(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.jobs.stats,
    queryFn: ({ signal }) => fetchJobStats(signal),
    enabled,
    refetchInterval: (query) => statsRefreshInterval(query.state.data),
  });
}

export function useSchedules(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.jobs.schedules,
    queryFn: ({ signal }) => fetchSchedules(signal),
    enabled,
    // Next and last runs change when a schedule fires, a few times an hour at most.
    refetchInterval: IDLE_REFRESH_MS * 2,
  });
}
