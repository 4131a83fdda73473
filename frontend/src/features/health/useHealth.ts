// TanStack Query hook for the server's health report, refreshed every 10 s.
import { useQuery } from '@tanstack/react-query';
import { fetchHealth } from '../../api/health';
import { queryKeys } from '../../api/queryKeys';

export const HEALTH_QUERY_KEY = queryKeys.health;
export const HEALTH_REFETCH_MS = 10_000;

export function useHealth() {
  return useQuery({
    queryKey: HEALTH_QUERY_KEY,
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: HEALTH_REFETCH_MS,
    // A health page should say "unreachable" quickly rather than retry for long.
    retry: 1,
  });
}
