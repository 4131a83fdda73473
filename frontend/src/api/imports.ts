// Spreadsheet imports: uploading a people or projects file (a multipart form with the
// options) to start an `import` job, reading such a job's result as the import report,
// and the blank template of each kind. Typed from the generated OpenAPI schema.
import { AS_FILE, api, read, readFile } from './http';
import { startedJobId, type Job } from './jobs';
import type { DownloadedFile } from './request';
import type { components } from './schema';

type Schemas = components['schemas'];

/** The result of an `import` job. */
export type ImportReport = Schemas['ImportReport'];
export type ImportIssue = Schemas['ImportIssue'];
export type ImportCounts = Schemas['ImportCounts'];

/** What a file holds: the path segment of `POST /api/imports/{kind}`. */
export type ImportKind = 'people' | 'projects';
export const IMPORT_KINDS: readonly ImportKind[] = ['people', 'projects'];

/**
 * The upload's options, from the form's documented fields (sent as "true"/"false"):
 * `dryRun` reports what would happen and writes nothing; `updateExisting` lets rows
 * matching stored rows update them (else they are skipped); `skipBadRows` leaves rows
 * with errors out and imports the rest (else one bad row stops the file).
 */
export type ImportOptions = {
  [Flag in 'dryRun' | 'updateExisting' | 'skipBadRows']-?: NonNullable<Schemas['ImportForm'][Flag]>;
};

/** The job an upload started; `job` is set when the server already answered with it. */
export interface StartedImport {
  jobId: number;
  job: Job | null;
}

/**
 * Uploads `file` to start an import job. The server answers 202 with the queued job (or
 * 200 with the ended job when it was asked to wait); the same file from the same person
 * while its job is unfinished answers that job again.
 */
export async function uploadImport(kind: ImportKind, file: File, options: ImportOptions): Promise<StartedImport> {
  // The schema names the form's fields (the file as its name); the form itself carries the bytes.
  const fields = { ...options, file: file.name };
  const answer = await read(
    api.POST('/api/imports/{kind}', {
      params: { path: { kind } },
      body: fields,
      bodySerializer: () => {
        const form = new FormData();
        form.set('dryRun', String(fields.dryRun));
        form.set('updateExisting', String(fields.updateExisting));
        form.set('skipBadRows', String(fields.skipBadRows));
        form.set('file', file, file.name);
        return form;
      },
    }),
  );
  return { jobId: startedJobId(answer), job: 'jobId' in answer ? null : answer };
}

/** The blank template workbook of a kind, with its header rows and an Instructions sheet. */
export function downloadTemplate(kind: ImportKind): Promise<DownloadedFile> {
  return readFile(api.GET('/api/imports/{kind}/template', { params: { path: { kind } }, ...AS_FILE }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The import report an `import` job's result holds, or null when the job is another
 * kind or has no (readable) result yet. The schema types `result` as unknown, so the
 * fields the screens rely on are checked before it is used as an ImportReport.
 */
export function importReportOf(job: Pick<Job, 'kind' | 'result'>): ImportReport | null {
  const result = job.result;
  if (job.kind !== 'import' || !isRecord(result)) return null;
  const readable =
    typeof result.dryRun === 'boolean' &&
    typeof result.applied === 'boolean' &&
    typeof result.rows === 'number' &&
    typeof result.errors === 'number' &&
    typeof result.warnings === 'number' &&
    isRecord(result.counts) &&
    Array.isArray(result.issues);
  return readable ? (result as ImportReport) : null;
}
