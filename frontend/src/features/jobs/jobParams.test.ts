// Tests for the jobs screen's URL state: reading (unknown values dropped), writing, the
// list request it makes, and when a new job would be hidden by the filters.
import { describe, expect, it } from 'vitest';
import { isFiltered, readJobParams, showsNewJob, toJobFilters, writeJobParams, type JobParams } from './jobParams';

const plain: JobParams = { kind: null, state: null, queue: null, mine: false, page: 1, job: null };

describe('job params', () => {
  it('reads filters, page and job, dropping values the server would refuse', () => {
    expect(readJobParams(new URLSearchParams('kind=probe&state=failed&queue=mail&mine=1&page=3'))).toEqual({
      kind: 'probe', state: 'failed', queue: 'mail', mine: true, page: 3, job: null,
    });
    expect(readJobParams(new URLSearchParams('kind=bogus&state=done&queue=x&mine=yes&page=-2&job=abc'))).toEqual(plain);
    expect(readJobParams(new URLSearchParams('job=12')).job).toBe(12);
  });

  it('writes only what differs from the plain list, and round-trips', () => {
    expect(writeJobParams(plain).toString()).toBe('');
    const value: JobParams = { kind: 'email', state: 'queued', queue: 'mail', mine: true, page: 2, job: null };
    expect(writeJobParams(value).toString()).toBe('kind=email&state=queued&queue=mail&mine=1&page=2');
    expect(readJobParams(writeJobParams(value))).toEqual(value);
  });

  it('asks for only my jobs with my id, and knows when the list is filtered', () => {
    expect(toJobFilters({ ...plain, mine: true, kind: 'probe' }, 7)).toEqual({ page: 1, kind: 'probe', state: null, queue: null, requestedBy: 7 });
    expect(toJobFilters(plain, 7).requestedBy).toBeNull();
    expect(isFiltered(plain)).toBe(false);
    expect(isFiltered({ ...plain, mine: true })).toBe(true);
  });

  it('knows whether a new job would show at the top', () => {
    expect(showsNewJob(plain, 'probe', 'mail')).toBe(true);
    expect(showsNewJob({ ...plain, mine: true, kind: 'probe', queue: 'mail' }, 'probe', 'mail')).toBe(true);
    expect(showsNewJob({ ...plain, kind: 'email' }, 'probe', 'mail')).toBe(false);
    expect(showsNewJob({ ...plain, queue: 'cache' }, 'probe', 'mail')).toBe(false);
    expect(showsNewJob({ ...plain, state: 'queued' }, 'probe', 'mail')).toBe(false);
    expect(showsNewJob({ ...plain, page: 2 }, 'probe', 'mail')).toBe(false);
    expect(showsNewJob({ ...plain, job: 3 }, 'probe', 'mail')).toBe(false);
  });
});
