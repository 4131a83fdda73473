// Tests for an import report's one-line words: the problem totals, the summaries of a
// check and an import, and what a checked file would do.
import { describe, expect, it } from 'vitest';
import { makeReport } from '../../test/importData';
import { checkedChanges, problemTotals, reportSummary } from './importSummary';

const counts = (created: number, updated = 0, unchanged = 0, skipped = 0) => ({ created, updated, unchanged, skipped });

describe('import summary', () => {
  it('totals the problems in words', () => {
    expect(problemTotals({ errors: 1, warnings: 0 })).toBe('1 error, 0 warnings');
    expect(problemTotals({ errors: 1200, warnings: 1 })).toBe('1,200 errors, 1 warning');
  });

  it('sums up a check, an import, and an import that wrote nothing', () => {
    const check = makeReport({ rows: 3, errors: 1, warnings: 2 });
    expect(reportSummary(check)).toBe('Checked people.csv: 3 rows, 1 error, 2 warnings');
    const applied = makeReport({ dryRun: false, applied: true, counts: { person: counts(2, 1, 0, 1), role: counts(1) } });
    expect(reportSummary(applied)).toBe('Imported people.csv: 2 people created, 1 updated, 1 skipped');
    expect(reportSummary(makeReport({ dryRun: false, applied: false, errors: 1, fileName: '' }))).toBe(
      'Nothing imported from the file: 1 row error',
    );
    expect(reportSummary(makeReport({ dryRun: false, applied: true, counts: {} }))).toBe('Imported people.csv: nothing to import');
  });

  it('says what a checked file would do, by its main entity', () => {
    expect(checkedChanges(makeReport({ counts: { person: counts(1, 2) } }))).toBe('1 person new, 2 to update');
    expect(checkedChanges(makeReport({ kind: 'projects', counts: { assignment: counts(9), project: counts(3) } }))).toBe('3 projects new');
  });
});
