// Spreadsheet exports of the people and projects lists, with the lists' own filters and
// order: a small export answers with the file at once; a large one is queued as an
// `export` job (202, like an import upload) whose result names the file that
// GET /api/jobs/{id}/download serves.
import { apiFetch } from './client';
import type { QueuedJob } from './jobs';
import type { DownloadedFile } from './request';

export type ExportKind = 'people' | 'projects';
export type ExportFormat = 'xlsx' | 'csv';

/** The file itself, or the job that writes it. */
export type ExportAnswer = { file: DownloadedFile; jobId?: never } | { jobId: number; file?: never };

export async function startExport(kind: ExportKind, format: ExportFormat, filters: URLSearchParams): Promise<ExportAnswer> {
  const query = new URLSearchParams({ format });
  for (const [key, value] of filters) query.set(key, value);
  const answer = await apiFetch<DownloadedFile | QueuedJob>(`/exports/${kind}?${query.toString()}`, { responseType: 'file' });
  return 'jobId' in answer ? { jobId: answer.jobId } : { file: answer };
}
