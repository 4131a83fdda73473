// The shared band definition at its boundaries, with the defaults and served thresholds.
import { describe, expect, it } from 'vitest';
import { bandOfPercent, bandOfWeek, bandRange, DEFAULT_BANDS, utilizationPercent } from './bands';

describe('utilization bands', () => {
  it.each([
    [0, 36, 'available'],
    [25.19, 36, 'available'],
    [25.2, 36, 'optimal'], // exactly 70%
    [30.59, 36, 'optimal'],
    [30.6, 36, 'high'], // exactly 85%
    [36, 36, 'high'], // exactly 100%: full, not over
    [36.01, 36, 'over_allocated'], // just above 100%
    [0, 0, 'available'],
    [1, 0, 'over_allocated'], // hours against no capacity
  ] as const)('%d of %d hours is %s', (allocated, capacity, band) => {
    expect(bandOfWeek(allocated, capacity, DEFAULT_BANDS)).toBe(band);
  });

  it('computes the percentage exactly, 0 without capacity', () => {
    expect(utilizationPercent(30.6, 36)).toBe(85);
    expect(utilizationPercent(8, 0)).toBe(0);
  });

  it('follows served thresholds', () => {
    const served = { ...DEFAULT_BANDS, optimalFrom: 60, highFrom: 80, overAbove: 110 };
    expect(bandOfPercent(59.9, served)).toBe('available');
    expect(bandOfPercent(80, served)).toBe('high');
    expect(bandOfPercent(110, served)).toBe('high');
    expect(bandOfPercent(110.1, served)).toBe('over_allocated');
    expect(bandRange('optimal', served)).toBe('Optimal (60% to under 80%)');
  });

  it('names every band with its range', () => {
    expect(DEFAULT_BANDS.order.map((band) => bandRange(band, DEFAULT_BANDS))).toEqual([
      'Available (under 70%)',
      'Optimal (70% to under 85%)',
      'High (85–100%)',
      'Over-allocated (over 100%)',
    ]);
  });
});
