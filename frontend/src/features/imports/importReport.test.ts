// Tests for the import report's words: the counts as table rows in a fixed order,
// errors before warnings and the table's cut, whether an import would change nothing,
// and the advice for a refused file.
import { describe, expect, it } from 'vitest';
import { countHeadings, countRows, issuesCaption, kindOf, refusalAdvice, shownIssues, splitIssues, wouldChangeNothing } from './importReport';
import { makeIssue, makeReport } from '../../test/importData';

const counts = (created: number, updated = 0, unchanged = 0, skipped = 0) => ({ created, updated, unchanged, skipped });

describe('import report', () => {
  it('lists the counts with known entities first, in their order, then any other by name', () => {
    const report = makeReport({
      counts: { zebra_stripes: counts(1), role: counts(2), person: counts(5, 1, 3, 1), weekly_hours: counts(0, 4) },
    });
    expect(countRows(report).map((row) => [row.key, row.label, row.created, row.updated])).toEqual([
      ['person', 'People', 5, 1],
      ['weekly_hours', 'Weekly hours', 0, 4],
      ['role', 'Roles', 2, 0],
      ['zebra_stripes', 'Zebra stripes', 1, 0],
    ]);
    expect(countRows(makeReport({ counts: {} }))).toEqual([]);
  });

  it('always lists the main entity, the others only when the file touches them', () => {
    const report = makeReport({ counts: { person: counts(0, 0, 0, 0), role: counts(0), department: counts(1) } });
    expect(countRows(report).map((row) => row.key)).toEqual(['person', 'department']);
  });

  it('heads the count columns by what a check would do or an import did', () => {
    expect(countHeadings(true)).toEqual({ created: 'New', updated: 'To update', unchanged: 'Unchanged', skipped: 'Skipped' });
    expect(countHeadings(false).created).toBe('Created');
  });

  it('puts errors before warnings, each in file order, and cuts the table', () => {
    const w1 = makeIssue({ severity: 'warning', row: 2, code: 'moved_to_sunday' });
    const e1 = makeIssue({ row: 4 });
    const w2 = makeIssue({ severity: 'warning', row: 5 });
    const e2 = makeIssue({ row: 7 });
    expect(splitIssues([w1, e1, w2, e2])).toEqual({ errors: [e1, e2], warnings: [w1, w2] });
    expect(shownIssues([w1, e1, w2, e2], 3)).toEqual({ rows: [e1, e2, w1], hidden: 1 });
    expect(shownIssues([w1], 10)).toEqual({ rows: [w1], hidden: 0 });
  });

  it('captions the problems table against the file’s totals', () => {
    expect(issuesCaption(2, { errors: 1, warnings: 1 })).toBe('2 problems');
    expect(issuesCaption(10, { errors: 1200, warnings: 4 })).toBe('Showing 10 of 1,204 problems; the full report lists them all');
  });

  it('knows when importing would change nothing: errors and bad rows not skipped', () => {
    expect(wouldChangeNothing({ errors: 1 }, false)).toBe(true);
    expect(wouldChangeNothing({ errors: 1 }, true)).toBe(false);
    expect(wouldChangeNothing({ errors: 0 }, false)).toBe(false);
  });

  it('reads the kind a report is about', () => {
    expect(kindOf(makeReport({ kind: 'projects' }))).toBe('projects');
    expect(kindOf(makeReport({ kind: 'invoices' }))).toBeNull();
    expect(kindOf(null)).toBeNull();
  });

  it.each([
    ['xlsx_rows_exceeded', /Split the data/],
    ['xlsx_too_large_uncompressed', /Split the data/],
    ['read_timeout', /Split the data/],
    ['xlsx_cell_too_long', /far more text/],
    ['unsupported_type', /\.xlsx, without macros/],
    ['invalid_xlsx', /save it again/],
    ['xlsx_encrypted', /Remove the password/],
    ['unsupported_encoding', /UTF-8/],
    ['something_new', /blank template/],
  ])('advises what to do about %s', (code, advice) => {
    expect(refusalAdvice(code)).toMatch(advice);
  });
});
