// Words and names for exports: the formats offered, the name to save a file under
// when the server gives none, and the file an export job's result names. Pure functions.
import type { ExportFormat, ExportKind } from '../../api/exports';
import type { Job } from '../../api/jobs';

export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'xlsx', label: 'Excel workbook (.xlsx)' },
  { format: 'csv', label: 'CSV file (.csv)' },
];

/** "people-2026-12-04.xlsx": the save name when the answer carries none. */
export function fallbackExportName(kind: ExportKind, format: ExportFormat, today: Date = new Date()): string {
  return `${kind}-${today.toISOString().slice(0, 10)}.${format}`;
}

/** The file a finished export job left (`result.download`), or null when it names none. */
export function exportFileOf(job: Pick<Job, 'state' | 'result'>): { name: string; bytes: number } | null {
  if (job.state !== 'succeeded') return null;
  const result: unknown = job.result;
  if (typeof result !== 'object' || result === null) return null;
  const download = (result as { download?: unknown }).download;
  if (typeof download !== 'object' || download === null) return null;
  const { name, bytes } = download as { name?: unknown; bytes?: unknown };
  return typeof name === 'string' && name !== '' && typeof bytes === 'number' ? { name, bytes } : null;
}

/** "Exporting people · 40%": what the bar's dialog is titled. */
export function exportTitle(kind: ExportKind, format: ExportFormat): string {
  return `Export of ${kind} as ${format === 'xlsx' ? 'an Excel workbook' : 'CSV'}`;
}
