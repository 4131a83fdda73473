// The one definition of a week's utilization band on every screen, mirroring the domain's
// Band::for_week with the thresholds the server serves:
//   available < optimalFrom <= optimal < highFrom <= high <= overAbove < over_allocated.
// Each band has one label and one text marker, so colour is never the only signal.
import type { Band, UtilizationBands } from '../../api/utilization';

export type { Band, UtilizationBands };

/** The domain's defaults, used until the server's thresholds arrive. */
export const DEFAULT_BANDS: UtilizationBands = {
  optimalFrom: 70,
  highFrom: 85,
  overAbove: 100,
  order: ['available', 'optimal', 'high', 'over_allocated'],
};

export const BAND_NAMES: Record<Band, { label: string; marker: string }> = {
  available: { label: 'Available', marker: '○' },
  optimal: { label: 'Optimal', marker: '●' },
  high: { label: 'High', marker: '▲' },
  // U+FE0E keeps the sign as text, not an emoji, so it takes the band's colour.
  over_allocated: { label: 'Over-allocated', marker: '⚠\uFE0E' },
};

/** Hours to whole centihours, the unit the server stores, so 30.6 of 36 is exactly 85%. */
function centihours(hours: number): number {
  return Math.round(hours * 100);
}

/** Allocated hours as a percentage of capacity; 0 when the capacity is 0. */
export function utilizationPercent(allocated: number, capacity: number): number {
  const whole = centihours(capacity);
  return whole > 0 ? (centihours(allocated) * 100) / whole : 0;
}

/** "87%": a utilization rounded to a whole percent. */
export function formatPercent(percent: number): string {
  return `${Math.round(percent)}%`;
}

/** The band of a percentage. */
export function bandOfPercent(percent: number, bands: UtilizationBands): Band {
  if (percent > bands.overAbove) return 'over_allocated';
  if (percent >= bands.highFrom) return 'high';
  if (percent >= bands.optimalFrom) return 'optimal';
  return 'available';
}

/** The band of one person's week; hours against no capacity at all are over-allocated. */
export function bandOfWeek(allocated: number, capacity: number, bands: UtilizationBands): Band {
  if (centihours(capacity) <= 0 && centihours(allocated) > 0) return 'over_allocated';
  return bandOfPercent(utilizationPercent(allocated, capacity), bands);
}

/** A band's name with its range, for legends: "High (85–100%)". */
export function bandRange(band: Band, bands: UtilizationBands): string {
  const label = BAND_NAMES[band].label;
  switch (band) {
    case 'available':
      return `${label} (under ${bands.optimalFrom}%)`;
    case 'optimal':
      return `${label} (${bands.optimalFrom}% to under ${bands.highFrom}%)`;
    case 'high':
      return `${label} (${bands.highFrom}–${bands.overAbove}%)`;
    case 'over_allocated':
      return `${label} (over ${bands.overAbove}%)`;
  }
}
