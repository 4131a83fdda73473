// Tests for who may cancel and retry a job: the requester or an admin cancels a job that
// has not ended (once), only admins retry a failed or cancelled one.
import { describe, expect, it } from 'vitest';
import type { Job } from '../api/jobs';
import { makeMe } from '../test/fixtures';
import { canCancelJob, canImport, canRetryJob } from './permissions';

const alice = makeMe({ id: 1, role: 'user' });
const manager = makeMe({ id: 2, role: 'manager' });
const admin = makeMe({ id: 3, role: 'admin' });
const job = (state: Job['state'], requestedBy: number | null = 1, cancelRequested = false) => ({ state, requestedBy, cancelRequested });

describe('job permissions', () => {
  it('lets the requester and admins cancel a queued or running job', () => {
    expect(canCancelJob(alice, job('queued'))).toBe(true);
    expect(canCancelJob(alice, job('running'))).toBe(true);
    expect(canCancelJob(admin, job('running', 1))).toBe(true);
    expect(canCancelJob(admin, job('queued', null))).toBe(true);
  });

  it('does not offer cancel to others, for ended jobs, twice, or signed out', () => {
    expect(canCancelJob(manager, job('running', 1))).toBe(false);
    expect(canCancelJob(alice, job('queued', null))).toBe(false);
    for (const state of ['succeeded', 'failed', 'cancelled'] as const) expect(canCancelJob(admin, job(state))).toBe(false);
    expect(canCancelJob(alice, job('running', 1, true))).toBe(false);
    expect(canCancelJob(null, job('running'))).toBe(false);
  });

  it('lets only admins retry, and only failed or cancelled jobs', () => {
    expect(canRetryJob(admin, job('failed'))).toBe(true);
    expect(canRetryJob(admin, job('cancelled'))).toBe(true);
    for (const state of ['queued', 'running', 'succeeded'] as const) expect(canRetryJob(admin, job(state))).toBe(false);
    expect(canRetryJob(alice, job('failed', 1))).toBe(false);
    expect(canRetryJob(manager, job('failed'))).toBe(false);
    expect(canRetryJob(null, job('failed'))).toBe(false);
  });
});

describe('import permission', () => {
  it('lets managers and admins import, nobody else', () => {
    expect(canImport(manager)).toBe(true);
    expect(canImport(admin)).toBe(true);
    expect(canImport(alice)).toBe(false);
    expect(canImport(null)).toBe(false);
  });
});
