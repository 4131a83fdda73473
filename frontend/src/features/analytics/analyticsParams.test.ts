// The analytics window in the URL, and the planning-grid address of a person in it.
import { describe, expect, it } from 'vitest';
import { planningHref } from '../../shared/links/planningLink';
import { readWindow, withWeeks } from './analyticsParams';

const TODAY = new Date('2026-12-09T12:00:00Z'); // a Wednesday; its week's Sunday is Dec 6

describe('analytics window', () => {
  it('reads the horizon, start and scope, falling back to this week and 12 weeks', () => {
    expect(readWindow(new URLSearchParams('weeks=26&start=2026-11-29&department=3&sub=0'), TODAY)).toEqual({
      start: '2026-11-29',
      weeks: 26,
      department: 3,
      includeChildren: false,
    });
    expect(readWindow(new URLSearchParams('weeks=13&start=2026-11-30'), TODAY)).toEqual({
      start: '2026-12-06',
      weeks: 12,
      department: null,
      includeChildren: true,
    });
  });

  it('writes the horizon, leaving the default out', () => {
    expect(withWeeks(new URLSearchParams('department=3&sub=1'), 52).toString()).toBe('department=3&sub=1&weeks=52');
    expect(withWeeks(new URLSearchParams('weeks=52'), 12).toString()).toBe('');
  });

  it('opens a person in the planning grid in the same window and scope', () => {
    const window = { start: '2026-12-06', weeks: 26, department: 3, includeChildren: false };
    expect(planningHref({ id: 7, name: 'Ann Archer' }, window)).toBe(
      '/planning?start=2026-12-06&weeks=26&department=3&sub=0&q=Ann+Archer&open=7',
    );
  });
});
