// The words of a reallocation's result: signed weeks and the summary a job left.
import { describe, expect, it } from 'vitest';
import { summaryOfJob, weeksMoved } from './moveSummary';

describe('move summary', () => {
  it('says how far, signed as later or earlier', () => {
    expect(weeksMoved(2)).toBe('2 weeks later');
    expect(weeksMoved(1)).toBe('1 week later');
    expect(weeksMoved(-3)).toBe('3 weeks earlier');
    expect(weeksMoved(0)).toBe('no weeks');
  });

  it('reads the summary a finished job left, or none', () => {
    expect(summaryOfJob({ result: { deltaWeeks: 2, assignmentsChanged: 3, touchedWeekKeys: ['2027-03-07', 5], capped: [{ week: 1 }] } })).toEqual({
      deltaWeeks: 2,
      assignmentsChanged: 3,
      touchedWeekKeys: ['2027-03-07'],
      capped: [],
    });
    expect(summaryOfJob({ result: null })).toBeNull();
    expect(summaryOfJob({ result: { deltaWeeks: '2' } })).toBeNull();
  });
});
