// Utilization bands of a person's week: colour plus a marker and weight, never colour
// alone. Defaults from the domain: under 70% available, 70-85 optimal, 85-100 high,
// over 100 over-allocated.
export type Band = 'available' | 'optimal' | 'high' | 'over';

export interface BandInfo {
  band: Band;
  label: string;
  /** A text marker shown next to the number (empty when none). */
  marker: string;
}

export const BANDS: Record<Band, BandInfo> = {
  available: { band: 'available', label: 'Available (under 70%)', marker: '' },
  optimal: { band: 'optimal', label: 'Optimal (70–85%)', marker: '•' },
  high: { band: 'high', label: 'High (85–100%)', marker: '▵' },
  over: { band: 'over', label: 'Over-allocated (over 100%)', marker: '▲' },
};

/** Utilization percent; 0 when there is no capacity. */
export function utilization(allocated: number, capacity: number): number {
  return capacity > 0 ? (allocated / capacity) * 100 : 0;
}

export function classify(allocated: number, capacity: number): Band {
  if (allocated > capacity + 1e-9) return 'over';
  // Rounded so 30.6 of 36 is exactly 85%, not 85.00000000000001.
  const percent = Math.round(utilization(allocated, capacity) * 1e6) / 1e6;
  if (percent < 70) return 'available';
  if (percent <= 85) return 'optimal';
  return 'high';
}
