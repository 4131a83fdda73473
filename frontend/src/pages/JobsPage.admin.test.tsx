// Tests for /jobs as an admin: the queue figures and schedules, the test-job form
// (checked here, then by the server; the new job is watched and announced when it ends),
// a cache warm-up, cancel with confirmation and retry, each with the server's words
// when refused.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jobPage, makeJob, makeSchedule, makeStats, serveJobs } from '../test/jobData';
import { makeMe, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../test/render';

const admin = makeMe({ id: 9, username: 'root', role: 'admin' });
const probe = makeJob({ id: 30, state: 'running', stage: 'Probing', progress: 25, requestedBy: 2, requestedByName: 'bob' });
const failed = makeJob({ id: 31, kind: 'email', queue: 'mail', state: 'failed', error: { code: 'smtp_refused', message: 'Refused.' } });
const posts = (fetchMock: ReturnType<typeof serveJobs>) => fetchCalls(fetchMock).filter(([, init]) => init.method === 'POST');

describe('jobs page: for admins', () => {
  it('shows every queue’s figures, the live workers and the schedules with their last job', async () => {
    serveJobs((url) => {
      if (url.pathname === '/api/jobs/stats') {
        return jsonResponse(makeStats({ mail: { queued: 3, delayed: 1, running: 1, failedLastHour: 2, oldestWaitingSeconds: 200, runSecondsP50: 0.4, runSecondsP95: 12 } }, 0));
      }
      if (url.pathname === '/api/jobs/schedules') {
        return jsonResponse({
          items: [
            makeSchedule({ name: 'warm-cache', lastRun: { slot: '2025-03-01T12:00:00Z', jobId: 5, state: 'failed' } }),
            makeSchedule({ name: 'housekeeping', kind: 'housekeeping', cron: 'off', enabled: false, nextRun: null }),
          ],
        });
      }
      return undefined;
    });
    const { router } = renderRoute('/jobs', { session: admin });
    const mail = await screen.findByTestId('queue-mail');
    expect(within(mail).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['3 (1 delayed)', '1', '0', '! 2', '3 min 20 s', '400 ms / 12 s']);
    expect(screen.getByTestId('workers-alive')).toHaveTextContent('No worker is running: queued jobs wait until one starts.');
    expect(screen.getByTestId('jobs-scope')).toHaveTextContent('you see everyone’s jobs');

    const warm = await screen.findByTestId('schedule-warm-cache');
    expect(warm).toHaveTextContent('*/15 * * * *');
    expect(warm).toHaveTextContent('Failed');
    expect(within(warm).getByRole('link', { name: 'Job #5' })).toHaveAttribute('href', '/jobs?job=5');
    expect(screen.getByTestId('schedule-housekeeping')).toHaveTextContent('Off');

    await userEvent.setup().click(within(mail).getByRole('button', { name: 'Mail' }));
    expect(router.state.location.search).toBe('?queue=mail');
  });

  it('checks the test-job form before sending, and shows the server’s field messages', async () => {
    const fetchMock = serveJobs((url, init) =>
      url.pathname === '/api/jobs/probe' && init.method === 'POST'
        ? problem(400, 'validation_failed', 'Some fields are not valid.', {
            errors: [{ field: 'stepMillis', code: 'out_of_range', message: 'A step lasts from 0 to 10000 milliseconds.' }],
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderRoute('/jobs', { session: admin });
    const form = await screen.findByRole('form', { name: 'Run a test job' });
    await user.clear(within(form).getByLabelText('Steps'));
    await user.type(within(form).getByLabelText('Steps'), '101');
    await user.click(within(form).getByRole('button', { name: 'Run test job' }));
    expect(within(form).getByText('Enter a whole number of steps from 0 to 100.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Steps')).toHaveAttribute('aria-invalid', 'true');
    expect(posts(fetchMock)).toEqual([]);

    await user.clear(within(form).getByLabelText('Steps'));
    await user.type(within(form).getByLabelText('Steps'), '8');
    await user.click(within(form).getByRole('button', { name: 'Run test job' }));
    expect(await within(form).findByText('A step lasts from 0 to 10000 milliseconds.')).toBeInTheDocument();
    expect(posts(fetchMock)).toHaveLength(1);
  });

  it('starts a probe, puts it at the top and announces how it ended', async () => {
    let started = false;
    const ended = makeJob({ id: 40, queue: 'mail', state: 'succeeded', progress: 100, result: { steps: 8, queue: 'mail', attempt: 1, worker: 'w-1' } });
    const fetchMock = serveJobs((url, init) => {
      if (url.pathname === '/api/jobs/probe' && init.method === 'POST') {
        started = true;
        return jsonResponse({ jobId: 40, state: 'queued', statusUrl: '/api/jobs/40' }, 202);
      }
      if (url.pathname === '/api/jobs/40') return jsonResponse(ended);
      if (url.pathname === '/api/jobs') return jsonResponse(jobPage(started ? [{ ...ended, state: 'queued' as const, progress: 0 }] : []));
      return undefined;
    });
    const user = userEvent.setup();
    const { router } = renderRoute('/jobs?kind=email', { session: admin });
    const form = await screen.findByRole('form', { name: 'Run a test job' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Queue' }), 'mail');
    await user.clear(within(form).getByLabelText('Steps'));
    await user.type(within(form).getByLabelText('Steps'), '8');
    await user.clear(within(form).getByLabelText('Step (ms)'));
    await user.type(within(form).getByLabelText('Step (ms)'), '400');
    expect(within(form).getByText('Runs for about 3.2 s once a worker takes it.')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Run test job' }));

    expect(await within(form).findByText('Started Probe #40.')).toBeInTheDocument();
    expect(JSON.parse(posts(fetchMock)[0]?.[1].body as string)).toEqual({ queue: 'mail', steps: 8, stepMillis: 400 });
    // The kind filter would hide a probe: the list goes back to every job.
    expect(router.state.location.search).toBe('');
    expect(await screen.findByTestId('job-40')).toBeInTheDocument();
    expect(await screen.findByText('Probe #40 finished: 8 steps on Mail by w-1.')).toBeInTheDocument();
    const watch = fetchCalls(fetchMock).find(([url]) => url === '/api/jobs/40');
    expect(new Headers(watch?.[1].headers).get('Prefer')).toBe('wait=10');
  });

  it('announces a failed job as an error', async () => {
    serveJobs((url, init) => {
      if (url.pathname === '/api/jobs/warm-cache' && init.method === 'POST') return jsonResponse({ jobId: 41, state: 'queued', statusUrl: '/api/jobs/41' }, 202);
      if (url.pathname === '/api/jobs/41') {
        return jsonResponse(makeJob({ id: 41, kind: 'warm_cache', state: 'failed', error: { code: 'cache_down', message: 'The cache is away' } }));
      }
      return undefined;
    });
    renderRoute('/jobs', { session: admin });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Warm the cache now' }));
    expect(await screen.findByText('Cache warm-up #41 failed: The cache is away.')).toBeInTheDocument();
  });

  it('cancels someone’s running job after confirming, and says why a cancel was refused', async () => {
    let attempts = 0;
    let current = probe;
    const fetchMock = serveJobs((url, init) => {
      if (url.pathname === '/api/jobs/30/cancel') {
        attempts += 1;
        if (attempts === 1) return problem(409, 'job_finished', 'The job already ended (succeeded); there is nothing to cancel.');
        current = { ...probe, cancelRequested: true };
        return jsonResponse(current);
      }
      if (url.pathname === '/api/jobs' && !init.method) return jsonResponse(jobPage([current, failed]));
      return undefined;
    });
    const user = userEvent.setup();
    renderRoute('/jobs', { session: admin });
    const row = await screen.findByTestId('job-30');
    await user.click(within(row).getByRole('button', { name: 'Cancel Probe #30' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel Probe #30?' });
    expect(dialog).toHaveTextContent('It stops at its next step and undoes what it has done so far.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(posts(fetchMock)).toEqual([]);

    await user.click(within(row).getByRole('button', { name: 'Cancel Probe #30' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel the job' }));
    expect(await within(screen.getByRole('dialog')).findByText('The job already ended (succeeded); there is nothing to cancel.')).toBeInTheDocument();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel the job' }));
    expect(await screen.findByText('Probe #30 was asked to stop; it ends at its next step.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(screen.getByTestId('job-30')).getByText('Cancel requested')).toBeInTheDocument();
    // The Cancel button is gone; focus went to the row's name instead of the page.
    expect(within(screen.getByTestId('job-30')).getByRole('rowheader')).toHaveFocus();
    expect(within(screen.getByTestId('job-30')).queryByRole('button', { name: /Cancel/ })).not.toBeInTheDocument();
  });

  it('retries a failed job, and shows a refused retry in the server’s words', async () => {
    let attempts = 0;
    serveJobs((url, init) => {
      if (url.pathname === '/api/jobs/31/retry') {
        attempts += 1;
        return attempts === 1
          ? problem(409, 'job_duplicate', 'The same work is already queued or running; retry that one instead.')
          : jsonResponse({ ...failed, state: 'queued', error: null, maxAttempts: 6 });
      }
      if (url.pathname === '/api/jobs/31') return jsonResponse({ ...failed, state: 'succeeded', error: null, result: { template: 'invite' } });
      if (url.pathname === '/api/jobs' && !init.method) return jsonResponse(jobPage([failed]));
      return undefined;
    });
    const user = userEvent.setup();
    renderRoute('/jobs', { session: admin });
    const retry = await screen.findByRole('button', { name: 'Retry Email #31' });
    await user.click(retry);
    expect(await screen.findByText('The same work is already queued or running; retry that one instead.')).toBeInTheDocument();
    await user.click(retry);
    expect(await screen.findByText('Email #31 is queued again.')).toBeInTheDocument();
    expect(await screen.findByText('Email #31 finished: Sent “invite”.')).toBeInTheDocument();
  });

  it('keeps the list when the figures cannot load, and says so', async () => {
    serveJobs((url) => {
      if (url.pathname === '/api/jobs/stats') return problem(503, 'redis_unavailable', 'Redis is away.');
      if (url.pathname === '/api/jobs') return jsonResponse(jobPage([failed]));
      return undefined;
    });
    renderRoute('/jobs', { session: admin });
    expect(await screen.findByTestId('job-31')).toBeInTheDocument();
    expect(await screen.findByText(/The queue figures could not be loaded/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Schedules' })).toBeInTheDocument();
  });

  it('suggests a test job when there are no jobs yet', async () => {
    serveJobs();
    renderRoute('/jobs', { session: admin });
    expect(await screen.findByRole('heading', { name: 'No jobs yet' })).toBeInTheDocument();
    expect(screen.getByText(/run a test job with the form above/)).toBeInTheDocument();
  });
});
