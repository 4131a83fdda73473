// Jobs end to end in real Chromium against the running api and worker: the admin starts
// a test job (a probe of 10 steps of 400 ms on the maintenance queue) from the form on
// /jobs; the new job appears at the top of the list, its progress bar's value rises
// over several readings while it runs (the list refreshes itself), the row ends
// "Succeeded" with the probe's result, and a toast says so. No CSP violation or page
// error on the way.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeWithoutProblems, openAsAdmin, useBrowser } from './fixtures.ts';

// Values below 100 show for (STEPS - 1) x STEP_MS, 3.6 s: three or four of the list's
// one-second refreshes, so at least two readings while it runs.
const STEPS = 10;
const STEP_MS = 400;

/** The row's state and its bar's value, read together. */
async function reading(row: Locator, bar: Locator): Promise<{ state: string | null; value: number }> {
  const [state, value] = await Promise.all([row.getAttribute('data-state'), bar.getAttribute('aria-valuenow')]);
  return { state, value: Number(value) };
}

describe('jobs', () => {
  const browser = useBrowser();

  it('runs a test job from the form and watches its bar rise until it succeeds', async () => {
    const { page, problems } = await openAsAdmin(browser(), '/jobs');
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
    await page.getByTestId('workers-alive').waitFor();

    const form = page.getByRole('form', { name: 'Run a test job' });
    await form.getByRole('combobox', { name: 'Queue' }).selectOption('maintenance');
    await form.getByLabel('Steps', { exact: true }).fill(String(STEPS));
    await form.getByLabel('Step (ms)', { exact: true }).fill(String(STEP_MS));
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/jobs/probe') && response.request().method() === 'POST');
    await form.getByRole('button', { name: 'Run test job' }).click();
    const started = await answer;
    expect(started.status()).toBe(202);
    const { jobId } = (await started.json()) as { jobId: number };

    // The new job is the first row of the list.
    const row = page.getByTestId(`job-${jobId}`);
    await row.waitFor();
    expect(await page.getByTestId('jobs-table').locator('tbody tr').first().getAttribute('data-testid')).toBe(`job-${jobId}`);
    const bar = row.getByRole('progressbar', { name: `Progress of Probe #${jobId}` });

    // Read the bar until the job ends: while it runs, each new value is higher than the last.
    const values: number[] = [];
    const deadline = Date.now() + 20_000;
    let last = await reading(row, bar);
    while (last.state !== 'succeeded' && Date.now() < deadline) {
      if (last.state === 'running' && last.value > 0 && last.value < 100 && values.at(-1) !== last.value) values.push(last.value);
      await page.waitForTimeout(100);
      last = await reading(row, bar);
    }
    expect(last.state).toBe('succeeded');
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(last.value).toBe(100);

    // The badge says it in words (its icon is decoration).
    expect(await row.locator('[data-state]').innerText()).toMatch(/Succeeded$/);
    expect(await row.innerText()).toMatch(new RegExp(`${STEPS} steps on Maintenance by \\S+`));
    await page.getByTestId('toasts').getByText(new RegExp(`Probe #${jobId} finished: ${STEPS} steps on Maintenance`)).waitFor();

    await closeWithoutProblems(page, problems);
  });
});
