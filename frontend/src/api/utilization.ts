// GET /api/utilization/bands: the band thresholds the server uses (UTILIZATION_BANDS).
import { apiFetch } from './client';
import type { components } from './schema';

export type UtilizationBands = components['schemas']['UtilizationBands'];

/** One band, from `available` to `over_allocated`. */
export type Band = UtilizationBands['order'][number];

export function fetchUtilizationBands(signal?: AbortSignal): Promise<UtilizationBands> {
  return apiFetch<UtilizationBands>('/utilization/bands', signal ? { signal } : {});
}
