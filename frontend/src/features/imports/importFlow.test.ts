// Where the import screen is for the job it shows, when a checked file may be imported,
// and the words of the confirm button and the bar.
import { describe, expect, it } from 'vitest';
import { confirmLabel, confirmState, importStep, workingTitle } from './importFlow';
import { makeImportJob, makeReport } from '../../test/importData';

describe('import flow', () => {
  it('asks to choose a file while no job is shown', () => {
    expect(importStep(null)).toEqual({ step: 'choose' });
    expect(importStep(undefined)).toEqual({ step: 'choose' });
  });

  it('shows the bar while the job is queued or running', () => {
    for (const state of ['queued', 'running'] as const) {
      expect(importStep(makeImportJob({ id: 1, state }, null)).step).toBe('working');
    }
  });

  it('previews a check and shows the result of an import', () => {
    const check = makeImportJob({ id: 1 });
    expect(importStep(check)).toMatchObject({ step: 'preview', report: { dryRun: true } });
    const run = makeImportJob({ id: 2 }, makeReport({ dryRun: false, applied: true }));
    expect(importStep(run)).toMatchObject({ step: 'result', report: { applied: true } });
  });

  it('shows a refused file’s code and message, and a cancelled run', () => {
    const refused = makeImportJob(
      { id: 3, state: 'failed', error: { code: 'xlsx_rows_exceeded', message: 'The sheet “People” has more than 100,000 rows.' } },
      null,
    );
    expect(importStep(refused)).toMatchObject({
      step: 'refused',
      code: 'xlsx_rows_exceeded',
      message: 'The sheet “People” has more than 100,000 rows.',
    });
    expect(importStep(makeImportJob({ id: 4, state: 'failed' }, null))).toMatchObject({ step: 'refused', code: 'failed' });
    expect(importStep(makeImportJob({ id: 5, state: 'cancelled' }, null)).step).toBe('cancelled');
  });

  it('does not take an unreadable result for a report', () => {
    expect(importStep(makeImportJob({ id: 6, result: { rows: 'many' } }, null))).toMatchObject({ step: 'refused', code: 'no_report' });
  });

  it('lets a checked file be imported when it is at hand and would write something', () => {
    const clean = makeReport();
    expect(confirmState(clean, { fileAtHand: true, skipBadRows: false })).toEqual({ ready: true });
    const bad = makeReport({ errors: 1 });
    expect(confirmState(bad, { fileAtHand: true, skipBadRows: true })).toEqual({ ready: true });
    expect(confirmState(bad, { fileAtHand: true, skipBadRows: false })).toMatchObject({ ready: false, reason: /Fix the rows/ });
    expect(confirmState(clean, { fileAtHand: false, skipBadRows: false })).toEqual({
      ready: false,
      reason: 'Choose people.csv again to import it.',
    });
  });

  it('names the confirm button and the bar by the file', () => {
    expect(confirmLabel({ fileName: 'people.csv' })).toBe('Import people.csv');
    expect(confirmLabel({ fileName: '' })).toBe('Import the file');
    expect(workingTitle({ id: 7 }, { dryRun: true, fileName: 'people.csv' })).toBe('Checking people.csv');
    expect(workingTitle({ id: 7 }, { dryRun: false, fileName: 'people.csv' })).toBe('Importing people.csv');
    expect(workingTitle({ id: 7 }, null)).toBe('Import #7');
  });
});
