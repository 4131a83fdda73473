// Test data for the import screen: reports and issues shaped like an `import` job's
// result, and import jobs carrying them.
import type { ImportIssue, ImportReport } from '../api/imports';
import type { Job } from '../api/jobs';
import { makeJob } from './jobData';

export function makeIssue(overrides: Partial<ImportIssue> = {}): ImportIssue {
  return {
    severity: 'error',
    sheet: 'People',
    row: 3,
    column: 'Weekly capacity (h)',
    value: 'lots',
    code: 'invalid_hours',
    message: 'Hours must be a number from 0 to 168.',
    ...overrides,
  };
}

export function makeReport(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    kind: 'people',
    fileName: 'people.csv',
    dryRun: true,
    applied: false,
    rows: 3,
    counts: { person: { created: 2, updated: 0, unchanged: 0, skipped: 0 } },
    errors: 0,
    warnings: 0,
    issues: [],
    download: { name: 'import-report-12.csv', contentType: 'text/csv', bytes: 2048 },
    ...overrides,
  };
}

export function makeImportJob(overrides: Partial<Job> & Pick<Job, 'id'>, report: ImportReport | null = makeReport()): Job {
  return makeJob({ kind: 'import', queue: 'imports', state: 'succeeded', progress: 100, result: report, ...overrides });
}
