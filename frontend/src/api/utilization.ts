// GET /api/utilization/bands: the band thresholds the server uses (UTILIZATION_BANDS).
import { api, read } from './http';
import type { components } from './schema';

export type UtilizationBands = components['schemas']['UtilizationBands'];

/** One band, from `available` to `over_allocated`. */
export type Band = UtilizationBands['order'][number];

export function fetchUtilizationBands(signal?: AbortSignal): Promise<UtilizationBands> {
  return read(api.GET('/api/utilization/bands', { signal: signal ?? null }));
}
