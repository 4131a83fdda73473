// Tests for the Export menu on the lists: managers get it, plain users do not; a small
// export downloads at once with the list's filters; a large one shows the job's bar in
// a dialog and then offers its file.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePerson, serveApi } from '../../test/peopleData';
import { makeJob } from '../../test/jobData';
import { listPage, makeMe } from '../../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../../test/render';

const manager = makeMe({ role: 'manager' });
const exportCalls = (fetchMock: ReturnType<typeof serveApi>) =>
  fetchCalls(fetchMock).map(([url]) => url).filter((url) => url.startsWith('/api/exports/'));

describe('export menu', () => {
  const createObjectURL = vi.fn(() => 'blob:export');
  beforeEach(() => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is not offered to plain users', async () => {
    serveApi((url) => (url.pathname === '/api/people' ? jsonResponse(listPage([makePerson({ id: 1, name: 'Ann' })], 500)) : undefined));
    renderRoute('/people', { session: makeMe({ role: 'user' }) });
    await screen.findByRole('link', { name: 'Ann' });
    expect(screen.queryByText('Export')).not.toBeInTheDocument();
  });

  it('downloads a small export at once, with the list’s filters', async () => {
    const fetchMock = serveApi((url) => {
      if (url.pathname === '/api/people') return jsonResponse(listPage([makePerson({ id: 1, name: 'Ann' })], 500));
      if (url.pathname === '/api/exports/people') {
        return new Response('Name\nAnn\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="people.csv"' } });
      }
      return undefined;
    });
    renderRoute('/people?q=ann&active=true', { session: manager });
    await screen.findByRole('link', { name: 'Ann' });
    await userEvent.click(screen.getByText('Export'));
    await userEvent.click(screen.getByRole('button', { name: 'CSV file (.csv)' }));
    expect(exportCalls(fetchMock)).toEqual(['/api/exports/people?format=csv&sort=name&search=ann&active=true']);
    await vi.waitFor(() => expect(createObjectURL).toHaveBeenCalled());
  });

  it('watches a large export’s job and offers its file', async () => {
    const download = { name: 'projects-2026-12-04.xlsx', contentType: 'application/zip', bytes: 2048 };
    let asked = 0;
    serveApi((url) => {
      if (url.pathname === '/api/projects') return jsonResponse(listPage([], 100));
      if (url.pathname === '/api/exports/projects') return jsonResponse({ jobId: 31, state: 'queued', statusUrl: '/api/jobs/31' }, 202);
      if (url.pathname === '/api/jobs/31') {
        asked += 1;
        return jsonResponse(
          asked === 1
            ? makeJob({ id: 31, queue: 'exports', state: 'running', stage: 'Writing', progress: 50 })
            : makeJob({ id: 31, queue: 'exports', state: 'succeeded', progress: 100, result: { download, rows: 9000 } }),
        );
      }
      return undefined;
    });
    renderRoute('/projects', { session: manager });
    await userEvent.click(await screen.findByText('Export'));
    await userEvent.click(screen.getByRole('button', { name: 'Excel workbook (.xlsx)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export of projects as an Excel workbook' });
    expect(await within(dialog).findByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    expect(await within(dialog).findByText(/Ready: projects-2026-12-04\.xlsx \(2\.0 KB\)/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Download the file' })).toBeInTheDocument();
  });
});
