// Tests for when the jobs screen asks again: every second while anything shown is queued
// or running, when a retry's backoff ends for a waiting job, slowly otherwise.
import { describe, expect, it } from 'vitest';
import { ACTIVE_REFRESH_MS, IDLE_REFRESH_MS, STATS_ACTIVE_REFRESH_MS, jobsRefreshInterval, statsRefreshInterval } from './jobRefresh';
import { makeStats } from '../../test/jobData';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const job = (state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled', nextAttemptAt: string | null = null) => ({ state, nextAttemptAt });

describe('jobsRefreshInterval', () => {
  it('asks every second while a job runs or waits for a worker', () => {
    expect(jobsRefreshInterval([job('succeeded'), job('running')], NOW)).toBe(ACTIVE_REFRESH_MS);
    expect(jobsRefreshInterval([job('queued')], NOW)).toBe(ACTIVE_REFRESH_MS);
  });

  it('asks slowly when everything shown has ended, or nothing is shown yet', () => {
    expect(jobsRefreshInterval([job('succeeded'), job('failed'), job('cancelled')], NOW)).toBe(IDLE_REFRESH_MS);
    expect(jobsRefreshInterval([], NOW)).toBe(IDLE_REFRESH_MS);
    expect(jobsRefreshInterval(undefined, NOW)).toBe(IDLE_REFRESH_MS);
  });

  it('looks again when a backoff ends, at least a second and at most the slow pace away', () => {
    expect(jobsRefreshInterval([job('queued', '2025-03-01T12:00:05Z')], NOW)).toBe(5_000);
    expect(jobsRefreshInterval([job('queued', '2025-03-01T12:00:00.200Z')], NOW)).toBe(ACTIVE_REFRESH_MS);
    expect(jobsRefreshInterval([job('queued', '2025-03-01T13:00:00Z')], NOW)).toBe(IDLE_REFRESH_MS);
    expect(jobsRefreshInterval([job('queued', '2025-03-01T12:00:05Z'), job('running')], NOW)).toBe(ACTIVE_REFRESH_MS);
  });
});

describe('statsRefreshInterval', () => {
  it('follows the queues while work is waiting or running', () => {
    expect(statsRefreshInterval(makeStats({ mail: { running: 1 } }))).toBe(STATS_ACTIVE_REFRESH_MS);
    expect(statsRefreshInterval(makeStats({ cache: { queued: 2 } }))).toBe(STATS_ACTIVE_REFRESH_MS);
    expect(statsRefreshInterval(makeStats({ cache: { succeededLastHour: 9 } }))).toBe(IDLE_REFRESH_MS);
    expect(statsRefreshInterval(undefined)).toBe(IDLE_REFRESH_MS);
  });
});
