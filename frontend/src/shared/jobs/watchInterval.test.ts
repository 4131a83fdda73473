// A shown job is asked again every WATCH_GAP_MS until it ends.
import { describe, expect, it } from 'vitest';
import { WATCH_GAP_MS, watchInterval } from './watchInterval';

describe('watchInterval', () => {
  it('asks again until the job ends', () => {
    expect(watchInterval(undefined)).toBe(WATCH_GAP_MS);
    expect(watchInterval({ state: 'running' })).toBe(WATCH_GAP_MS);
    expect(watchInterval({ state: 'queued' })).toBe(WATCH_GAP_MS);
    expect(watchInterval({ state: 'succeeded' })).toBe(false);
    expect(watchInterval({ state: 'failed' })).toBe(false);
  });
});
