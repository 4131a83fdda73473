// Smoke test in real Chromium against a running server (E2E_BASE_URL): the public System
// status page loads and every check reads Up, with no CSP violation or page error.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeWithoutProblems, newWatchedPage, useBrowser } from './fixtures.ts';

const CHECKS = ['database', 'redis', 'worker'] as const;

describe('smoke', () => {
  const browser = useBrowser({ admin: false });

  it('shows every system check up, without CSP violations or page errors', async () => {
    const { page, problems } = await newWatchedPage(browser());

    // Everything but the account pages and /status needs sign-in: open /status directly.
    await page.goto('/status');
    await page.getByRole('heading', { level: 1, name: 'System status' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'System status' }).waitFor();

    // The worker's heartbeat can take a few seconds to appear after start-up: poll.
    const deadline = Date.now() + 30_000;
    let state = await readStatus(page);
    while (!allUp(state) && Date.now() < deadline) {
      await page.waitForTimeout(2_000);
      await page.reload();
      state = await readStatus(page);
    }

    expect(state).toEqual({ overall: 'OK', database: 'Up', redis: 'Up', worker: 'Up' });
    await closeWithoutProblems(page, problems);
  });
});

type StatusState = Record<'overall' | (typeof CHECKS)[number], string | null>;

async function readStatus(page: Page): Promise<StatusState> {
  const overall = page.getByTestId('overall-status');
  try {
    await overall.waitFor({ timeout: 15_000 });
  } catch {
    // Still loading or showing the error card: report what is there.
  }
  const text = async (testId: string) =>
    (await page.getByTestId(testId).count()) > 0
      ? ((await page.getByTestId(testId).textContent()) ?? '').trim()
      : null;
  return {
    overall: await text('overall-status'),
    database: await text('check-database-status'),
    redis: await text('check-redis-status'),
    worker: await text('check-worker-status'),
  };
}

function allUp(state: StatusState): boolean {
  return state.overall === 'OK' && CHECKS.every((check) => state[check] === 'Up');
}
