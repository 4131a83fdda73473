// Utilization bands (domain defaults): under 70% available, 70-85 optimal, 85-100 high,
// over 100 over-allocated; each with a text label and a marker, so colour is never the
// only signal.

export type Band = 'available' | 'optimal' | 'high' | 'over';

export const BANDS: Record<Band, { label: string; marker: string }> = {
  available: { label: 'Available', marker: '○' },
  optimal: { label: 'Optimal', marker: '●' },
  high: { label: 'High', marker: '▲' },
  over: { label: 'Over-allocated', marker: '⚠' },
};

/** Allocated hours as a percentage of capacity; 0 when the capacity is 0. */
export function utilizationPercent(hours: number, capacity: number): number {
  return capacity > 0 ? (hours / capacity) * 100 : 0;
}

export function bandOf(percent: number): Band {
  if (percent > 100) return 'over';
  if (percent >= 85) return 'high';
  if (percent >= 70) return 'optimal';
  return 'available';
}
