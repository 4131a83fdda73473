// Shared end-to-end helpers: launch Debian's Chromium through playwright-core (no
// browser download), read the harness's E2E_* settings, sign in through the UI, and
// watch a page for CSP violations and errors.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Deliver Reporting API reports (CSP report-to) after 100 ms instead of about a minute.
  '--short-reporting-delay',
];

/** The server under test, from E2E_BASE_URL (no trailing slash). Throws if unset. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) {
    throw new Error(
      'E2E_BASE_URL is not set: point it at a running Workload Tracker, e.g. ' +
        'E2E_BASE_URL=http://127.0.0.1:8000 npm run e2e',
    );
  }
  return url.replace(/\/+$/, '');
}

/** An environment variable the harness must set; throws naming it when it is missing. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the e2e harness provides it (see deploy/local/e2e.sh)`);
  return value;
}

/** The admin account the harness creates: E2E_ADMIN_USER / E2E_ADMIN_PASSWORD. */
export function adminCredentials(): { username: string; password: string } {
  return { username: requiredEnv('E2E_ADMIN_USER'), password: requiredEnv('E2E_ADMIN_PASSWORD') };
}

/** Fills in and submits the sign-in form on the current /login page (Enter submits). */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Username', { exact: true }).fill(username);
  const passwordField = page.getByLabel('Password', { exact: true });
  await passwordField.fill(password);
  await passwordField.press('Enter');
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  /** Closes the browser (playwright then deletes its temporary profile). */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium. playwright's launch() gives every browser a fresh
 * temporary --user-data-dir of its own and removes it on close, so no state leaks
 * between runs (use launchPersistentContext with a mkdtemp dir if a test ever needs one).
 */
export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ baseURL: baseUrl() });
  return {
    browser,
    context,
    async close() {
      await browser.close();
    },
  };
}

/** Console messages and page errors a test must not see. */
export interface PageProblems {
  cspViolations: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** Starts collecting CSP violations, uncaught page errors and console errors for a page. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { cspViolations: [], pageErrors: [], consoleErrors: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.cspViolations.push(text);
    else if (message.type() === 'error') problems.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  return problems;
}
