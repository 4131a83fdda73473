// Utilization bands at the domain's default thresholds.
import { describe, expect, it } from 'vitest';
import { BANDS, bandOf, utilizationPercent } from './utilization';

const label = (hours: number, capacity: number) => BANDS[bandOf(utilizationPercent(hours, capacity))].label;

describe('utilization bands', () => {
  it('names the band for a 36-hour week', () => {
    expect(label(20, 36)).toBe('Available');
    expect(label(30, 36)).toBe('Optimal');
    expect(label(36, 36)).toBe('High');
    expect(label(40, 36)).toBe('Over-allocated');
  });

  it('counts a zero capacity as 0% (available)', () => {
    expect(utilizationPercent(8, 0)).toBe(0);
    expect(label(8, 0)).toBe('Available');
  });
});
