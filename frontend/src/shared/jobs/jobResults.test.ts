// Tests for the one-line summaries of each kind's result, and of any other result.
import { describe, expect, it } from 'vitest';
import { makeReport } from '../../test/importData';
import { genericSummary, summarizeResult } from './jobResults';

describe('job results', () => {
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
