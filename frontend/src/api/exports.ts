// Spreadsheet exports of the people and projects lists, with the lists' own filters and
// order: a small export answers with the file at once; a large one is queued as an
// `export` job (202, like an import upload) whose result names the file that
// GET /api/jobs/{id}/download serves.
import { AS_FILE, api, readFile } from './http';
import type { PeopleFilters } from './people';
import type { ProjectFilters } from './projects';
import type { DownloadedFile } from './request';
import { ApiError } from './errors';

/** Which list to export, with the filters and order it is shown in. */
export type ExportList = { kind: 'people'; filters: PeopleFilters } | { kind: 'projects'; filters: ProjectFilters };
export type ExportKind = ExportList['kind'];
export type ExportFormat = 'xlsx' | 'csv';

/** The file itself, or the job that writes it. */
export type ExportAnswer = { file: DownloadedFile; jobId?: never } | { jobId: number; file?: never };

export async function startExport(list: ExportList, format: ExportFormat): Promise<ExportAnswer> {
  const answer = await (list.kind === 'people'
    ? api.GET('/api/exports/people', { params: { query: { format, ...list.filters } }, ...AS_FILE })
    : api.GET('/api/exports/projects', { params: { query: { format, ...list.filters } }, ...AS_FILE }));
  if (answer.response.status !== 202) return { file: await readFile(Promise.resolve(answer)) };
  return { jobId: await queuedJobId(answer.data) };
}

/** The job id of a 202's body (JSON), which arrived as bytes since a file was asked for. */
async function queuedJobId(body: Blob | undefined): Promise<number> {
  let queued: unknown = null;
  try {
    queued = JSON.parse((await body?.text()) ?? 'null');
  } catch {
    // Unreadable: refused below like any other body without a job id.
  }
  if (typeof queued !== 'object' || queued === null || !('jobId' in queued) || typeof queued.jobId !== 'number') {
    throw new ApiError({ status: 202, code: 'invalid_response', title: 'The server sent a response the app could not read' });
  }
  return queued.jobId;
}
