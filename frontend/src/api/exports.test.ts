// Tests for the exports API: the list's filters go along with the format; a file answer
// is the file (named by Content-Disposition), a 202 is the job that writes it.
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../test/render';
import { startExport } from './exports';
import { peopleFilterParams } from './people';

const filters = peopleFilterParams({ search: 'ann', department: 3, includeChildren: true, role: null, active: 'true', sort: 'name' });
const people = { kind: 'people', filters } as const;

describe('exports API', () => {
  it('asks for the format with the list’s filters and answers the file', async () => {
    const fetchMock = mockFetch(
      () => new Response('Name\nAnn\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="people-2026-12-04.csv"' } }),
    );
    const answer = await startExport(people, 'csv');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/exports/people?format=csv&sort=name&search=ann&department=3&includeChildren=true&active=true');
    expect(answer.file?.fileName).toBe('people-2026-12-04.csv');
    expect(await answer.file?.blob.text()).toBe('Name\nAnn\n');
  });

  it('answers the job when a large export is queued', async () => {
    mockFetch(() => jsonResponse({ jobId: 31, state: 'queued', statusUrl: '/api/jobs/31' }, 202));
    await expect(startExport({ kind: 'projects', filters: {} }, 'xlsx')).resolves.toEqual({ jobId: 31 });
  });
});
