// The one-line summary of an import report ("Imported people.csv: 2 people created"),
// shared by the import screen, the jobs list and the toasts, with the entities a report
// counts and the problem totals it is made of. Pure functions.
import type { ImportCounts, ImportReport } from '../../api/imports';

/** The entities a report counts, in the order the screens list them, with their names. */
export const ENTITIES: readonly { key: string; label: string; one: string; many: string }[] = [
  { key: 'person', label: 'People', one: 'person', many: 'people' },
  { key: 'project', label: 'Projects', one: 'project', many: 'projects' },
  { key: 'assignment', label: 'Assignments', one: 'assignment', many: 'assignments' },
  { key: 'weekly_hours', label: 'Weekly hours', one: 'week of hours', many: 'weeks of hours' },
  { key: 'deliverable', label: 'Deliverables', one: 'deliverable', many: 'deliverables' },
  { key: 'role', label: 'Roles', one: 'role', many: 'roles' },
  { key: 'department', label: 'Departments', one: 'department', many: 'departments' },
];

/** "1,200 errors": a count with its noun. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "1 error", "3 warnings": the totals of the whole file (the report lists the first 500). */
export function problemTotals(report: Pick<ImportReport, 'errors' | 'warnings'>): string {
  return `${plural(report.errors, 'error', 'errors')}, ${plural(report.warnings, 'warning', 'warnings')}`;
}

/** What the import did (or a check says it would do), summed over the main entity: "2 people created, 1 updated". */
function changes(report: ImportReport): string {
  const main = ENTITIES.find((entity) => report.counts[entity.key]) ?? null;
  if (!main) return 'nothing to import';
  const counts = report.counts[main.key] as ImportCounts;
  const parts = [`${plural(counts.created, main.one, main.many)} ${report.dryRun ? 'new' : 'created'}`];
  if (counts.updated > 0) parts.push(`${counts.updated.toLocaleString('en')} ${report.dryRun ? 'to update' : 'updated'}`);
  if (counts.skipped > 0) parts.push(`${counts.skipped.toLocaleString('en')} skipped`);
  return parts.join(', ');
}

/**
 * One line about a report: "Checked people.csv: 3 rows, 1 error, 0 warnings",
 * "Imported people.csv: 2 people created, 1 updated" or "Nothing imported from people.csv: 1 error".
 */
export function reportSummary(report: ImportReport): string {
  const file = report.fileName || 'the file';
  if (report.dryRun) return `Checked ${file}: ${plural(report.rows, 'row', 'rows')}, ${problemTotals(report)}`;
  if (!report.applied) return `Nothing imported from ${file}: ${plural(report.errors, 'row error', 'row errors')}`;
  return `Imported ${file}: ${changes(report)}`;
}

/** What a check found the file would do, for the confirmation: "2 people new, 1 to update". */
export function checkedChanges(report: ImportReport): string {
  return changes(report);
}
