// Words and figures for an import report: the per-entity counts in a fixed order with
// their names, the issues split into errors and warnings, whether a real import would
// change nothing, and what to do about a file the server refused. Its one-line summary
// is shared/jobs/importSummary.ts's (the jobs list uses it too). Pure functions.
import type { ImportCounts, ImportIssue, ImportKind, ImportReport } from '../../api/imports';
import { ENTITIES, plural } from '../../shared/jobs/importSummary';

export interface CountRow extends ImportCounts {
  key: string;
  label: string;
}

/** "weekly_hours" → "Weekly hours", for an entity ENTITIES does not know yet. */
function labelOf(key: string): string {
  const words = key.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The report's counts as table rows: known entities first in their order, then any
 * other. The first (the file's main entity) always shows; the others only when the file
 * touches them (a people file creating no role has no Roles row).
 */
export function countRows(report: Pick<ImportReport, 'counts'>): CountRow[] {
  const rows = allCountRows(report);
  return rows.filter((row, index) => index === 0 || row.created + row.updated + row.unchanged + row.skipped > 0);
}

function allCountRows(report: Pick<ImportReport, 'counts'>): CountRow[] {
  const known = ENTITIES.filter((entity) => report.counts[entity.key]).map((entity) => ({
    key: entity.key,
    label: entity.label,
    ...(report.counts[entity.key] as ImportCounts),
  }));
  const others = Object.keys(report.counts)
    .filter((key) => !ENTITIES.some((entity) => entity.key === key))
    .sort()
    .map((key) => ({ key, label: labelOf(key), ...(report.counts[key] as ImportCounts) }));
  return [...known, ...others];
}

/** The issues the report lists, errors and warnings apart (each in file order). */
export function splitIssues(issues: readonly ImportIssue[]): { errors: ImportIssue[]; warnings: ImportIssue[] } {
  return {
    errors: issues.filter((issue) => issue.severity === 'error'),
    warnings: issues.filter((issue) => issue.severity !== 'error'),
  };
}

/**
 * Whether importing the checked file would write nothing: some rows have errors and bad
 * rows are not skipped, so the one bad row keeps the whole file out.
 */
export function wouldChangeNothing(report: Pick<ImportReport, 'errors'>, skipBadRows: boolean): boolean {
  return report.errors > 0 && !skipBadRows;
}

/** The kind a report or job is about, when it names one this screen knows. */
export function kindOf(report: Pick<ImportReport, 'kind'> | null): ImportKind | null {
  return report?.kind === 'people' || report?.kind === 'projects' ? report.kind : null;
}

/** What to do about a file the server refused, by the job's error code (its message says what is wrong). */
export function refusalAdvice(code: string): string {
  if (code.endsWith('_exceeded') || code === 'xlsx_too_large_uncompressed' || code === 'read_timeout') {
    return 'Split the data into smaller files (fewer rows, sheets or columns each) and import them one after another.';
  }
  switch (code) {
    case 'unsupported_type':
    case 'xlsx_macros':
      return 'Save the data as an Excel workbook (.xlsx, without macros) or as a CSV file, then choose that file.';
    case 'invalid_xlsx':
    case 'invalid_file':
    case 'invalid_csv':
      return 'Open the file in Excel or LibreOffice, save it again as .xlsx or .csv, and choose the new copy.';
    case 'xlsx_encrypted':
      return 'Remove the password (in Excel: File › Info › Protect Workbook), save, and choose the file again.';
    case 'unsupported_encoding':
      return 'Save the CSV as UTF-8 (in Excel: “CSV UTF-8 (Comma delimited)”) and choose it again.';
    case 'xlsx_cell_too_long':
      return 'Find the cell holding far more text than a spreadsheet allows, shorten it or save the data as CSV, then choose the file again.';
    case 'csv_line_too_long':
      return 'Check that the file really is a CSV with one record per line, then choose it again.';
    default:
      return 'Fix the file as the message says, or start from the blank template, then check it again.';
  }
}

/** The count columns' headings: what a check says would happen, or what an import did. */
export function countHeadings(dryRun: boolean): { created: string; updated: string; unchanged: string; skipped: string } {
  return dryRun
    ? { created: 'New', updated: 'To update', unchanged: 'Unchanged', skipped: 'Skipped' }
    : { created: 'Created', updated: 'Updated', unchanged: 'Unchanged', skipped: 'Skipped' };
}

/** How many issues the table shows at first, and at most (the full report has them all). */
export const ISSUES_FIRST = 10;
export const ISSUES_MAX = 200;

/**
 * The issues the table shows: errors first, then warnings, each in file order, cut to
 * `limit`; and how many of those the report listed are left out.
 */
export function shownIssues(issues: readonly ImportIssue[], limit: number): { rows: ImportIssue[]; hidden: number } {
  const { errors, warnings } = splitIssues(issues);
  const ordered = [...errors, ...warnings];
  return { rows: ordered.slice(0, limit), hidden: Math.max(0, ordered.length - limit) };
}

/** "Showing 10 of 1,204 problems": what the table holds against the file's totals. */
export function issuesCaption(shown: number, report: Pick<ImportReport, 'errors' | 'warnings'>): string {
  const total = report.errors + report.warnings;
  if (shown >= total) return `${plural(total, 'problem', 'problems')}`;
  return `Showing ${shown.toLocaleString('en')} of ${plural(total, 'problem', 'problems')}; the full report lists them all`;
}
