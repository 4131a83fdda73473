// Sign-in end to end in real Chromium against the running stack: the guard sends
// signed-out visitors to /login, the HttpOnly refresh cookie restores the session after
// a reload, no token reaches web storage, and signing out ends it. Also checks that a
// CSP violation is reported to the server (E2E_API_LOG is the api's log file, searched
// case-insensitively for "csp violation").
import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { adminCredentials, requiredEnv, signInThroughForm } from './browser.ts';
import { closeWithoutProblems, newWatchedPage, useBrowser } from './fixtures.ts';

const LOGIN_WITH_NEXT_PROFILE = /\/login\?next=%2Fprofile$/;

describe('sign-in', () => {
  const browser = useBrowser();

  it('guards pages, survives a reload, keeps tokens out of storage and signs out', async () => {
    const { username, password } = adminCredentials();
    const { page, problems } = await newWatchedPage(browser());

    await page.goto('/profile');
    await page.waitForURL(LOGIN_WITH_NEXT_PROFILE);
    await signInThroughForm(page, username, password);
    await page.waitForURL('**/profile');
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();

    // Memory-only access token: a reload must restore the session from the cookie.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/profile');
    await page.getByRole('button', { name: new RegExp(username) }).waitFor();

    const stored = await page.evaluate(() => ({
      local: Object.entries(window.localStorage),
      session: Object.entries(window.sessionStorage),
      cookies: document.cookie,
    }));
    expect(stored.local.map(([key]) => key).filter((key) => key !== 'wt.theme')).toEqual([]);
    expect(JSON.stringify(stored.local)).not.toContain('eyJ');
    expect(stored.session).toEqual([]);
    expect(stored.cookies).not.toContain('eyJ'); // the refresh cookie is HttpOnly

    await page.getByRole('button', { name: new RegExp(username) }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);

    await page.goto('/profile');
    await page.waitForURL(LOGIN_WITH_NEXT_PROFILE);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await closeWithoutProblems(page, problems);
  });

  it('reports a CSP violation to the server', async () => {
    const logPath = requiredEnv('E2E_API_LOG');
    const logStart = (await stat(logPath)).size;
    const page = await browser().context.newPage();
    // No watchPage here: this test provokes the violation the console then reports.
    const response = await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const policy = (await response?.allHeaders())?.['content-security-policy'] ?? '';

    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inlineScriptRan = "yes";';
      document.body.append(script);
      return document.body.dataset.inlineScriptRan ?? 'no';
    });
    expect(ran).toBe('no'); // the policy blocked it

    const deadline = Date.now() + 10_000;
    let logged = false;
    while (!logged && Date.now() < deadline) {
      const log = await readFile(logPath);
      logged = /csp violation/i.test(log.subarray(logStart).toString('utf8')); // the api logs "CSP violation"
      if (!logged) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(logged, noReportHint(logPath, policy, page.url())).toBe(true);
    await page.close();
  });
});

/**
 * Why a report may not arrive. Chromium accepts `Reporting-Endpoints` only on https
 * responses, and once a policy names `report-to` it ignores `report-uri`: over plain
 * http such a policy reports nowhere.
 */
function noReportHint(logPath: string, policy: string, pageUrl: string): string {
  const base = `no "csp violation" line appeared in ${logPath} within 10 s`;
  if (pageUrl.startsWith('http:') && /\breport-to\b/.test(policy)) {
    return `${base}; the page is plain http and its policy has report-to, so Chromium ignores report-uri and has no usable endpoint (policy: ${policy})`;
  }
  return `${base} (policy: ${policy || 'none'})`;
}
