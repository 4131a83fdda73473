// The analytics screens' queries, keyed by endpoint and window, so panels that read the
// same aggregate (the forecast on the dashboard and on /forecast) share one request.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchDashboard,
  fetchDepartmentRollup,
  fetchMyWork,
  fetchWorkloadForecast,
  type AnalyticsWindow,
} from '../../api/analytics';
import { queryKeys } from '../../api/queryKeys';

/** A new window keeps the previous answer on screen until the next one arrives. */
const shared = { placeholderData: keepPreviousData } as const;

export function useDashboard(window: AnalyticsWindow) {
  return useQuery({ queryKey: queryKeys.analytics.dashboard(window), queryFn: ({ signal }) => fetchDashboard(window, signal), ...shared });
}

export function useWorkloadForecast(window: AnalyticsWindow) {
  return useQuery({ queryKey: queryKeys.analytics.forecast(window), queryFn: ({ signal }) => fetchWorkloadForecast(window, signal), ...shared });
}

export function useDepartmentRollup(window: AnalyticsWindow) {
  return useQuery({ queryKey: queryKeys.analytics.rollup(window), queryFn: ({ signal }) => fetchDepartmentRollup(window, signal), ...shared });
}

export function useMyWork(window: Pick<AnalyticsWindow, 'start' | 'weeks'>) {
  const key = { start: window.start, weeks: window.weeks };
  return useQuery({ queryKey: queryKeys.analytics.myWork(key), queryFn: ({ signal }) => fetchMyWork(key, signal), ...shared });
}
