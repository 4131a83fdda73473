// Tests for the imports API: the upload is a multipart form with the file and the
// options as "true"/"false" (the browser sets its Content-Type), its 202 and 200
// answers both name the job; a template and a job's report arrive as files named by
// Content-Disposition; an import job's result is read as a report only when it is one.
import { describe, expect, it } from 'vitest';
import { makeImportJob, makeReport } from '../test/importData';
import { makeJob } from '../test/jobData';
import { jsonResponse, mockFetch } from '../test/render';
import { downloadTemplate, importReportOf, uploadImport } from './imports';
import { downloadJobFile } from './jobs';
import { fileNameOf } from './request';

const options = { dryRun: true, updateExisting: false, skipBadRows: true };

describe('imports API', () => {
  it('uploads the file and the options as a multipart form and answers the queued job', async () => {
    const fetchMock = mockFetch(() => jsonResponse({ jobId: 12, state: 'queued', statusUrl: '/api/jobs/12' }, 202));
    const file = new File(['Name\nAda\n'], 'people.csv', { type: 'text/csv' });
    await expect(uploadImport('people', file, options)).resolves.toEqual({ jobId: 12, job: null });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/imports/people');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('Content-Type')).toBeNull();
    const form = init.body as FormData;
    expect([form.get('dryRun'), form.get('updateExisting'), form.get('skipBadRows')]).toEqual(['true', 'false', 'true']);
    expect((form.get('file') as File).name).toBe('people.csv');
  });

  it('answers the ended job when the server waited for it', async () => {
    const job = makeImportJob({ id: 13 });
    mockFetch(() => jsonResponse(job));
    await expect(uploadImport('projects', new File(['x'], 'p.xlsx'), options)).resolves.toEqual({ jobId: 13, job });
  });

  it('downloads a template and a job’s report as named files', async () => {
    const fetchMock = mockFetch(
      () =>
        new Response('ID,Name', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="import-report-12.csv"' },
        }),
    );
    const report = await downloadJobFile(12);
    expect(report.fileName).toBe('import-report-12.csv');
    expect(await report.blob.text()).toBe('ID,Name');
    const template = await downloadTemplate('people');
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/jobs/12/download', '/api/imports/people/template']);
    const [, init] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('Accept')).toBe('*/*');
    expect(template.fileName).toBe('import-report-12.csv');
  });

  it('reads a file name from Content-Disposition, the UTF-8 form first, without any path', () => {
    expect(fileNameOf('attachment; filename="people.xlsx"')).toBe('people.xlsx');
    expect(fileNameOf("attachment; filename=\"x.xlsx\"; filename*=UTF-8''Pers%C3%B6nal%20list.xlsx")).toBe('Persönal list.xlsx');
    expect(fileNameOf('attachment; filename=report.csv')).toBe('report.csv');
    expect(fileNameOf('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A")).toBeNull();
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });

  it('reads an import job’s result as its report only when it is one', () => {
    const report = makeReport();
    expect(importReportOf(makeImportJob({ id: 1 }, report))).toBe(report);
    expect(importReportOf(makeJob({ id: 2, kind: 'probe', result: report }))).toBeNull();
    expect(importReportOf(makeImportJob({ id: 3 }, null))).toBeNull();
    expect(importReportOf(makeImportJob({ id: 4, result: { ...report, issues: 'none' } }))).toBeNull();
  });
});
