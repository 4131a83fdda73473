// Tests for the queue figures' formatting: durations, waiting counts, run times and the
// live workers line.
import { describe, expect, it } from 'vitest';
import { formatSeconds, runTimesText, waitingText, workersText } from './statsFormat';

describe('queue figures', () => {
  it.each([
    [null, '—'],
    [undefined, '—'],
    [-1, '—'],
    [0.002323, '2 ms'],
    [0.9994, '999 ms'],
    [4.24, '4.2 s'],
    [42.4, '42 s'],
    [60, '1 min'],
    [200, '3 min 20 s'],
    [3600, '1 h'],
    [7500, '2 h 5 min'],
  ])('formats %s seconds as %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it('shows the delayed part of the waiting jobs', () => {
    expect(waitingText({ queued: 3, delayed: 0 })).toBe('3');
    expect(waitingText({ queued: 3, delayed: 1 })).toBe('3 (1 delayed)');
  });

  it('shows run times as p50 / p95', () => {
    expect(runTimesText({ runSecondsP50: 0.4, runSecondsP95: 12 })).toBe('400 ms / 12 s');
    expect(runTimesText({ runSecondsP50: null, runSecondsP95: null })).toBe('—');
  });

  it('warns when no worker is alive or nobody knows', () => {
    expect(workersText(2)).toEqual({ text: '2 workers alive', warning: false });
    expect(workersText(1)).toEqual({ text: '1 worker alive', warning: false });
    expect(workersText(0)).toEqual({ text: 'No worker is running: queued jobs wait until one starts.', warning: true });
    expect(workersText(null).warning).toBe(true);
  });
});
