// Tests for /import: who sees the form; a check of a file with a bad row (its bar, then
// the error in the preview and the import held back), the corrected file checked and
// imported (the same file sent for real), with the result's links; a refused file's
// message and code; and the options and the shown job kept in the URL.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Job } from '../api/jobs';
import { makeImportJob, makeIssue, makeReport } from '../test/importData';
import { serveApi } from '../test/peopleData';
import { makeMe } from '../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../test/render';

const manager = makeMe({ id: 2, username: 'mia', role: 'manager' });

/** Serves uploads as jobs 12, 13, … and each job as its `states` in turn (the last one repeats). */
function serveImports(jobs: Record<number, Job[]>) {
  let next = 12;
  const asked: Record<number, number> = {};
  return serveApi((url, init) => {
    if (/^\/api\/imports\/(people|projects)$/.test(url.pathname) && init.method === 'POST') {
      const jobId = next++;
      return jsonResponse({ jobId, state: 'queued', statusUrl: `/api/jobs/${jobId}` }, 202);
    }
    const match = /^\/api\/jobs\/(\d+)$/.exec(url.pathname);
    if (match) {
      const id = Number(match[1]);
      const states = jobs[id] ?? [];
      const index = Math.min(asked[id] ?? 0, states.length - 1);
      asked[id] = (asked[id] ?? 0) + 1;
      return states[index] ? jsonResponse(states[index]) : undefined;
    }
    return undefined;
  });
}

const uploads = (fetchMock: ReturnType<typeof serveApi>) =>
  fetchCalls(fetchMock)
    .filter(([url, init]) => url.startsWith('/api/imports/') && init.method === 'POST')
    .map(([url, init]) => {
      const form = init.body as FormData;
      return { url, dryRun: form.get('dryRun'), skipBadRows: form.get('skipBadRows'), file: (form.get('file') as File).name };
    });

const badRow = makeIssue({ row: 3, column: 'Weekly capacity (h)', value: 'lots', message: 'Hours must be a number from 0 to 168.' });

describe('import page', () => {
  it('tells people who are not managers that only managers import', async () => {
    serveApi();
    renderRoute('/import', { session: makeMe({ role: 'user' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Import' })).toBeInTheDocument();
    expect(screen.getByText(/Only managers and administrators can import files/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Choose a file to import' })).not.toBeInTheDocument();
  });

  it('checks a file, shows its bad row, then checks and imports the corrected file', async () => {
    const fetchMock = serveImports({
      12: [
        makeImportJob({ id: 12, state: 'running', stage: 'Parsing', progress: 40, message: 'Reading rows' }, null),
        makeImportJob({ id: 12 }, makeReport({ rows: 3, errors: 1, issues: [badRow], counts: { person: { created: 2, updated: 0, unchanged: 0, skipped: 0 } } })),
      ],
      13: [makeImportJob({ id: 13 }, makeReport({ rows: 3, counts: { person: { created: 3, updated: 0, unchanged: 0, skipped: 0 } } }))],
      14: [
        makeImportJob(
          { id: 14 },
          makeReport({ dryRun: false, applied: true, rows: 3, counts: { person: { created: 3, updated: 0, unchanged: 0, skipped: 0 } } }),
        ),
      ],
    });
    const { router } = renderRoute('/import', { session: manager });
    const form = await screen.findByRole('form', { name: 'Choose a file to import' });
    expect(within(form).getByRole('radio', { name: /People/ })).toBeChecked();
    expect(within(form).getByRole('button', { name: 'Check file' })).toBeDisabled();

    await userEvent.upload(within(form).getByLabelText('Spreadsheet file'), new File(['Name\nA\nB\nC\n'], 'people.csv', { type: 'text/csv' }));
    expect(screen.getByTestId('import-chosen')).toHaveTextContent('people.csv');
    await userEvent.click(within(form).getByRole('button', { name: 'Check file' }));

    const bar = await screen.findByRole('progressbar', { name: 'Progress of Import #12' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByTestId('import-working')).toHaveTextContent('Checking people.csv');
    expect(screen.getByTestId('import-working')).toHaveTextContent('Parsing · 40%');

    const preview = await screen.findByTestId('import-preview');
    expect(router.state.location.search).toContain('job=12');
    // Focus lands on what came in.
    expect(within(preview).getByRole('heading', { level: 2 })).toHaveFocus();
    expect(within(preview).getByTestId('import-summary')).toHaveTextContent('Checked people.csv: 3 rows, 1 error, 0 warnings.');
    expect(within(preview).getByTestId('import-count-person')).toHaveTextContent(/People\s*2\s*0\s*0\s*0/);
    const problem = within(within(preview).getByRole('table', { name: 'Problems in the file' })).getAllByRole('row')[1];
    expect(problem).toHaveTextContent(/Error\s*People\s*3\s*Weekly capacity \(h\)\s*lots\s*Hours must be a number from 0 to 168\./);
    expect(within(preview).getByTestId('import-blocked')).toHaveTextContent(/Fix the rows with errors/);
    expect(within(preview).queryByRole('button', { name: /^Import / })).not.toBeInTheDocument();
    expect(within(preview).getByRole('button', { name: 'Download full report' })).toBeInTheDocument();

    // The corrected file: choosing it drops the old preview; a clean check may be imported.
    await userEvent.upload(within(form).getByLabelText('Spreadsheet file'), new File(['Name\nA\nB\nC2\n'], 'people.csv', { type: 'text/csv' }));
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Check file' }));
    const clean = await screen.findByTestId('import-preview');
    await waitFor(() => expect(within(clean).getByTestId('import-summary')).toHaveTextContent('0 errors'));
    await userEvent.click(within(clean).getByRole('button', { name: 'Import people.csv' }));

    const result = await screen.findByTestId('import-result');
    expect(within(result).getByRole('heading', { level: 2 })).toHaveTextContent('Import done');
    expect(within(result).getByTestId('import-summary')).toHaveTextContent('Imported people.csv: 3 people created.');
    expect(within(result).getByRole('link', { name: 'Open People' })).toHaveAttribute('href', '/people');
    expect(uploads(fetchMock)).toEqual([
      { url: '/api/imports/people', dryRun: 'true', skipBadRows: 'false', file: 'people.csv' },
      { url: '/api/imports/people', dryRun: 'true', skipBadRows: 'false', file: 'people.csv' },
      { url: '/api/imports/people', dryRun: 'false', skipBadRows: 'false', file: 'people.csv' },
    ]);
    // The watch lets the server hold each answer until the job ends, a second at most.
    const watch = fetchCalls(fetchMock).find(([url]) => url === '/api/jobs/12');
    expect(new Headers(watch?.[1].headers).get('Prefer')).toBe('wait=1');

    await userEvent.click(within(result).getByRole('button', { name: 'Import another file' }));
    expect(screen.queryByTestId('import-result')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-chosen')).toHaveTextContent('No file chosen yet.');
  });

  it('shows why a file was refused, with its code and what to do', async () => {
    serveImports({
      12: [
        makeImportJob(
          { id: 12, state: 'failed', error: { code: 'xlsx_rows_exceeded', message: 'The sheet “People” has more than 100,000 rows.' } },
          null,
        ),
      ],
    });
    renderRoute('/import?kind=people', { session: manager });
    await userEvent.upload(await screen.findByLabelText('Spreadsheet file'), new File(['x'], 'huge.xlsx'));
    await userEvent.click(screen.getByRole('button', { name: 'Check file' }));
    const refused = await screen.findByTestId('import-refused');
    expect(within(refused).getByRole('heading', { level: 2 })).toHaveTextContent('The file was refused');
    expect(within(refused).getByRole('alert')).toHaveTextContent(
      /The sheet “People” has more than 100,000 rows\.\s*xlsx_rows_exceeded\s*Split the data into smaller files/,
    );
    expect(within(refused).getByRole('link', { name: 'See the job' })).toHaveAttribute('href', '/jobs?job=12');
  });

  it('keeps the kind and options in the URL and drops a shown job when they change', async () => {
    serveImports({ 12: [makeImportJob({ id: 12 }, makeReport({ kind: 'projects', fileName: 'projects.xlsx' }))] });
    const { router } = renderRoute('/import?kind=projects&job=12', { session: manager });
    const preview = await screen.findByTestId('import-preview');
    // A reload forgets the file: it must be chosen again before it can be imported.
    expect(within(preview).getByTestId('import-blocked')).toHaveTextContent('Choose projects.xlsx again to import it.');
    expect(screen.getByRole('radio', { name: /Projects/ })).toBeChecked();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Skip bad rows' }));
    expect(router.state.location.search).toBe('?kind=projects&skip=1');
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: /People/ }));
    expect(router.state.location.search).toBe('?kind=people&skip=1');
  });
});
