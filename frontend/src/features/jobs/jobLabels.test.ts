// Tests for the jobs screen's words: kind labels, attempts, the progress caption and the
// one-line summaries of each kind's result.
import { describe, expect, it } from 'vitest';
import { JOB_KINDS } from '../../api/jobs';
import { KIND_LABELS, STATE_LOOK, attemptsText, clampPercent, genericSummary, jobTitle, progressCaption, summarizeResult } from './jobLabels';
import { makeReport } from '../imports/testData';
import { makeJob } from './testData';

describe('job labels', () => {
  it('names every kind in words and a job by kind and number', () => {
    expect(JOB_KINDS.map((kind) => KIND_LABELS[kind])).toEqual(['Cache warm-up', 'Email', 'Probe', 'Housekeeping', 'Import', 'Export', 'Hour reallocation', 'Load check', 'Database backup']);
    expect(jobTitle({ id: 12, kind: 'warm_cache' })).toBe('Cache warm-up #12');
  });

  it('gives every state a word and an icon, not only a tone', () => {
    for (const look of Object.values(STATE_LOOK)) {
      expect(look.word).toMatch(/^[A-Z][a-z]+$/);
      expect(look.icon).not.toBe('');
    }
  });

  it('counts attempts', () => {
    expect(attemptsText({ attempts: 2, maxAttempts: 3 })).toBe('Attempt 2 of 3');
    expect(attemptsText({ attempts: 0, maxAttempts: 3 })).toBe('Not started (up to 3 attempts)');
    expect(attemptsText({ attempts: 0, maxAttempts: 1 })).toBe('Not started (up to 1 attempt)');
  });

  it.each([
    [makeJob({ id: 1, state: 'queued' }), { status: 'Waiting for a worker', message: null }],
    [makeJob({ id: 1, state: 'queued', nextAttemptAt: '2030-01-01T00:00:00Z', message: 'old' }), { status: 'Waiting to try again', message: null }],
    [makeJob({ id: 1, state: 'running', stage: 'Probing', progress: 37, message: 'Step 3 of 8' }), { status: 'Probing · 37%', message: 'Step 3 of 8' }],
    [makeJob({ id: 1, state: 'running', progress: 5 }), { status: 'Working · 5%', message: null }],
    [makeJob({ id: 1, state: 'succeeded', stage: 'Starting', progress: 100, message: 'Computing 3 views' }), { status: 'Done · 100%', message: null }],
    [makeJob({ id: 1, state: 'cancelled', progress: 20, message: 'Step 4 of 20' }), { status: 'Stopped at 20%', message: 'Step 4 of 20' }],
  ])('captions the progress bar (%#)', (job, caption) => {
    expect(progressCaption(job)).toEqual(caption);
  });

  it('keeps a percent within 0-100', () => {
    expect([clampPercent(-5), clampPercent(42.4), clampPercent(140), clampPercent(Number.NaN)]).toEqual([0, 42, 100, 0]);
  });

  it.each([
    [{ kind: 'probe', result: { steps: 8, queue: 'maintenance', attempt: 1, worker: 'worker-7' } }, '8 steps on Maintenance by worker-7'],
    [{ kind: 'probe', result: { steps: 1, queue: 'mail' } }, '1 step on Mail'],
    [{ kind: 'warm_cache', result: { warmed: 4, weekOf: '2026-11-29' } }, '4 views ready'],
    [{ kind: 'housekeeping', result: { jobsDeleted: 1, queueEntriesCleared: 12 } }, 'Deleted 1 old job, cleared 12 queue entries'],
    [{ kind: 'email', result: { template: 'password_reset', to: 'a***@example.com' } }, 'Sent “password reset” to a***@example.com'],
    [{ kind: 'reallocate', result: { deltaWeeks: -2, assignmentsChanged: 3, touchedWeekKeys: [], capped: [] } }, 'Moved 3 assignments 2 weeks earlier'],
    [{ kind: 'verify_loads', result: { personDifferences: 1, projectDifferences: 1, repaired: 2, first: [] } }, 'Repaired 2 drifted weekly loads'],
    [{ kind: 'backup', result: { archive: 'wt-20261207T020000000Z', expired: ['wt-20261101T020000000Z'] } }, 'wt-20261207T020000000Z written; 1 old backup removed'],
    [{ kind: 'verify_loads', result: { personDifferences: 0, projectDifferences: 0, repaired: 0, first: [] } }, 'Weekly loads match their sum'],
    [{ kind: 'probe', result: { note: 'odd', nested: { a: 1 } } }, 'note: odd'],
    [{ kind: 'email', result: null }, null],
  ] as const)('summarizes a %# result in a line', (job, summary) => {
    expect(summarizeResult(job)).toBe(summary);
  });

  it('summarizes an import’s report: a check, an import, one stopped by bad rows', () => {
    expect(summarizeResult({ kind: 'import', result: makeReport({ rows: 3, errors: 1 }) })).toBe('Checked people.csv: 3 rows, 1 error, 0 warnings');
    const counts = { person: { created: 2, updated: 1, unchanged: 4, skipped: 0 } };
    expect(summarizeResult({ kind: 'import', result: makeReport({ dryRun: false, applied: true, counts }) })).toBe(
      'Imported people.csv: 2 people created, 1 updated',
    );
    expect(summarizeResult({ kind: 'import', result: makeReport({ dryRun: false, errors: 2 }) })).toBe(
      'Nothing imported from people.csv: 2 row errors',
    );
    // A result that is not a report is read by its plain fields.
    expect(summarizeResult({ kind: 'import', result: { fileName: 'x.csv', rows: 'many' } })).toBe('fileName: x.csv, rows: many');
  });

  it('reads any other result by its plain fields', () => {
    expect(genericSummary({ a: 1, b: 'x', c: [1] })).toBe('a: 1, b: x');
    expect(genericSummary('done')).toBe('done');
    expect(genericSummary([])).toBeNull();
  });
});
