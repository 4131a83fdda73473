// The server's band thresholds, fetched once per session: they change only when the
// server restarts with other settings. Until they arrive (or if they cannot), the
// domain's defaults stand in, so a screen never waits on them to draw.
import { useQuery } from '@tanstack/react-query';
import { fetchUtilizationBands } from '../../api/utilization';
import { DEFAULT_BANDS, type UtilizationBands } from './bands';
import { queryKeys } from '../../api/queryKeys';

export const BANDS_KEY = queryKeys.utilizationBands;

export function useUtilizationBands(): UtilizationBands {
  const query = useQuery({
    queryKey: BANDS_KEY,
    queryFn: ({ signal }) => fetchUtilizationBands(signal),
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return query.data ?? DEFAULT_BANDS;
}
