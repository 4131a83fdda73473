// Tests for /jobs, the list: the URL drives the request and the filters (and back), rows
// read in words with a live bar, the list refreshes itself while a job runs, one job by
// itself (?job=), skeleton, empty and error states, and what plain users see and may do.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jobPage, makeJob, serveJobs } from '../test/jobData';
import { makeMe, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

const alice = makeMe({ id: 1, username: 'alice', role: 'user' });
const admin = makeMe({ id: 9, username: 'root', role: 'admin' });

const running = makeJob({ id: 12, state: 'running', stage: 'Probing', progress: 37, message: 'Step 3 of 8', attempts: 2 });
const failed = makeJob({
  id: 11,
  kind: 'email',
  queue: 'mail',
  state: 'failed',
  progress: 60,
  attempts: 3,
  error: { code: 'smtp_refused', message: 'The mail server refused the message.' },
});
const waiting = makeJob({
  id: 10,
  kind: 'email',
  queue: 'mail',
  state: 'queued',
  attempts: 1,
  nextAttemptAt: '2030-01-01T10:00:00Z',
  error: { code: 'smtp_timeout', message: 'The mail server did not answer.' },
});
const done = makeJob({
  id: 9,
  kind: 'warm_cache',
  queue: 'cache',
  state: 'succeeded',
  progress: 100,
  result: { warmed: 4 },
  requestedBy: null,
  requestedByName: null,
});

const listCalls = (fetchMock: ReturnType<typeof serveJobs>) =>
  fetchCalls(fetchMock).filter(([url, init]) => url.startsWith('/api/jobs?') && !init.method).map(([url]) => url);

describe('jobs page: the list', () => {
  it('shows a person their own jobs in words, with bars, attempts and outcomes', async () => {
    serveJobs((url) => (url.pathname === '/api/jobs' ? jsonResponse(jobPage([running, failed, waiting, done])) : undefined));
    renderRoute('/jobs', { session: alice });
    const row = await screen.findByTestId('job-12');
    expect(screen.getByRole('heading', { level: 2, name: 'Your jobs' })).toBeInTheDocument();
    expect(screen.getByTestId('jobs-scope')).toHaveTextContent('You see the jobs you started; administrators see everyone’s.');
    expect(row).toHaveTextContent('Probe #12');
    expect(row).toHaveTextContent('Maintenance queue');
    expect(row).toHaveTextContent('Running');
    expect(row).toHaveTextContent('Attempt 2 of 3');
    expect(within(row).getByRole('progressbar', { name: 'Progress of Probe #12' })).toHaveAttribute('aria-valuenow', '37');

    const email = screen.getByTestId('job-11');
    expect(email).toHaveTextContent('Failed');
    expect(email).toHaveTextContent('The mail server refused the message. smtp_refused');
    expect(within(screen.getByTestId('job-10')).getByText(/Next attempt at/)).toBeInTheDocument();
    expect(screen.getByTestId('job-10')).toHaveTextContent('Last attempt failed: The mail server did not answer. smtp_timeout');
    expect(screen.getByTestId('job-9')).toHaveTextContent('4 views ready');
    expect(screen.getByTestId('job-9')).toHaveTextContent('System');
    const when = within(row).getByText((_, element) => element?.tagName === 'TIME');
    expect(when).toHaveAttribute('dateTime', '2025-03-01T12:00:00Z');
    expect(when.getAttribute('title')).not.toBe('');

    // Their own unfinished jobs can be cancelled; only admins retry, and nobody else's is offered.
    expect(within(row).getByRole('button', { name: 'Cancel Probe #12' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Retry/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Only mine' })).not.toBeInTheDocument();
  });

  it('reads its filters from the URL, writes changes back and starts again at page 1', async () => {
    const fetchMock = serveJobs((url) =>
      url.pathname === '/api/jobs' ? jsonResponse(jobPage([failed], 60, Number(url.searchParams.get('page')))) : undefined,
    );
    const { router } = renderRoute('/jobs?kind=email&state=failed&queue=mail&mine=1&page=2&department=3&sub=0', { session: admin });
    await screen.findByTestId('job-11');
    expect(listCalls(fetchMock)[0]).toBe('/api/jobs?page=2&pageSize=25&kind=email&state=failed&queue=mail&requestedBy=9');
    const filters = screen.getByRole('search', { name: 'Filter jobs' });
    expect(within(filters).getByRole('combobox', { name: 'Kind' })).toHaveValue('email');
    expect(within(filters).getByRole('combobox', { name: 'State' })).toHaveValue('failed');
    expect(within(filters).getByRole('combobox', { name: 'Queue' })).toHaveValue('mail');
    expect(within(filters).getByRole('checkbox', { name: 'Only mine' })).toBeChecked();
    expect(screen.getByRole('heading', { level: 2, name: 'Your jobs' })).toBeInTheDocument();

    const user = userEvent.setup();
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Queue' }), '');
    expect(router.state.location.search).toBe('?kind=email&state=failed&mine=1&department=3&sub=0');
    await user.click(within(filters).getByRole('checkbox', { name: 'Only mine' }));
    expect(router.state.location.search).toBe('?kind=email&state=failed&department=3&sub=0');
    await waitFor(() => expect(listCalls(fetchMock).at(-1)).toBe('/api/jobs?page=1&pageSize=25&kind=email&state=failed'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(router.state.location.search).toBe('?kind=email&state=failed&page=2&department=3&sub=0');
  });

  it('drops filter values the server would refuse instead of sending them', async () => {
    const fetchMock = serveJobs();
    renderRoute('/jobs?kind=nope&state=done&page=zero', { session: alice });
    expect(await screen.findByRole('heading', { name: 'No jobs yet' })).toBeInTheDocument();
    expect(listCalls(fetchMock)).toEqual(['/api/jobs?page=1&pageSize=25']);
  });

  it('refreshes itself while a job runs, moving its bar in place', async () => {
    let calls = 0;
    serveJobs((url) => {
      if (url.pathname !== '/api/jobs') return undefined;
      calls += 1;
      return jsonResponse(jobPage([calls === 1 ? running : { ...running, progress: 75, message: 'Step 6 of 8' }]));
    });
    renderRoute('/jobs', { session: alice });
    const bar = await screen.findByRole('progressbar', { name: 'Progress of Probe #12' });
    expect(bar).toHaveAttribute('aria-valuenow', '37');
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '75'), { timeout: 3000 });
    // The same element moved: the row was updated, not rebuilt.
    expect(screen.getByRole('progressbar', { name: 'Progress of Probe #12' })).toBe(bar);
    expect(screen.getByText('Step 6 of 8')).toBeInTheDocument();
  });

  it('shows one job by itself from ?job=, with a way back to the list', async () => {
    const fetchMock = serveJobs((url) => (url.pathname === '/api/jobs/9' ? jsonResponse(done) : undefined));
    const { router } = renderRoute('/jobs?job=9', { session: admin });
    expect(await screen.findByTestId('job-9')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Job #9' })).toBeInTheDocument();
    expect(listCalls(fetchMock)).toEqual([]);
    expect(screen.queryByRole('navigation', { name: 'Job pages' })).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show all jobs' }));
    expect(router.state.location.search).toBe('');
    expect(await screen.findByRole('heading', { level: 2, name: 'All jobs' })).toBeInTheDocument();
  });

  it('shows skeleton rows while the first page loads', () => {
    // A server that never answers keeps the skeleton up.
    mockFetch(() => new Promise<Response>(() => {}));
    renderRoute('/jobs', { session: alice });
    const loading = screen.getByTestId('jobs-loading');
    expect(loading).toHaveAttribute('aria-busy', 'true');
    expect(within(loading).getByRole('status')).toHaveTextContent('Loading jobs…');
  });

  it('says what creates jobs when there are none, and how to clear filters that hide them', async () => {
    serveJobs();
    const { router } = renderRoute('/jobs?state=failed', { session: alice });
    expect(await screen.findByRole('heading', { name: 'No jobs match these filters' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(router.state.location.search).toBe('');
    expect(await screen.findByRole('heading', { name: 'No jobs yet' })).toBeInTheDocument();
    expect(screen.getByText(/sending invitation and password emails/)).toBeInTheDocument();
    expect(screen.queryByText(/run a test job/)).not.toBeInTheDocument();
  });

  it('explains a list that cannot load in the server’s words, and tries again', async () => {
    let broken = true;
    serveJobs((url) => {
      if (url.pathname !== '/api/jobs') return undefined;
      return broken ? problem(400, 'invalid_query', 'A query parameter has a value this list does not accept.') : jsonResponse(jobPage([done]));
    });
    renderRoute('/jobs', { session: alice });
    const card = await screen.findByRole('alert');
    expect(card).toHaveTextContent('The jobs could not be loaded');
    expect(card).toHaveTextContent('A query parameter has a value this list does not accept.');
    broken = false;
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('job-9')).toBeInTheDocument();
  });

  it('is in the main navigation for everyone signed in', async () => {
    serveJobs();
    renderRoute('/jobs', { session: alice });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Jobs' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { name: 'No jobs yet' })).toBeInTheDocument();
  });
});
