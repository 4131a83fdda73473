// The planning grid end to end in real Chromium against the running stack: data made
// through the API (a department, a person with 36 h capacity, two projects, one
// assignment), then, keyboard only, 8 hours typed into four consecutive weeks, saved
// and still there after a reload; a second assignment of 30 h in the first week makes
// that week over-allocated (38 > 36), shown by its band and marker. No CSP violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, baseUrl, launchBrowser, signInThroughForm, watchPage, type BrowserSession } from './browser.ts';

const DAY_MS = 86_400_000;

function thisSunday(): string {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - now.getUTCDay() * DAY_MS).toISOString().slice(0, 10);
}

function weekAfter(week: string, count: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + count * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** Signs in through the API and returns a caller for JSON requests with the token. */
async function apiClient(): Promise<<T>(method: string, path: string, body?: unknown) => Promise<T>> {
  const { username, password } = adminCredentials();
  const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  const signIn = await fetch(`${baseUrl()}/api/token`, { method: 'POST', headers, body: JSON.stringify({ username, password }) });
  expect(signIn.status).toBe(200);
  const { access } = (await signIn.json()) as { access: string };
  return async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl()}/api${path}`, {
      method,
      headers: { ...headers, Authorization: `Bearer ${access}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
}

describe('planning grid', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    baseUrl(); // fail clearly before launching anything when E2E_BASE_URL is unset
    adminCredentials();
    session = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('types hours with the keyboard, keeps them after a reload and flags over-allocation', async () => {
    const api = await apiClient();
    const suffix = Math.random().toString(36).slice(2, 8);
    const department = await api<{ id: number }>('POST', '/departments', { name: `E2E Planning ${suffix}` });
    const person = await api<{ id: number }>('POST', '/people', {
      name: `E2E Planner ${suffix}`,
      weeklyCapacity: 36,
      department: department.id,
    });
    const first = await api<{ id: number }>('POST', '/projects', { name: `E2E Bridge ${suffix}`, status: 'active' });
    const second = await api<{ id: number }>('POST', '/projects', { name: `E2E Dam ${suffix}`, status: 'active' });
    await api('POST', '/assignments', { person: person.id, project: first.id });

    const start = thisSunday();
    const weeks = [0, 1, 2, 3].map((offset) => weekAfter(start, offset));
    const page = await session.context.newPage();
    const problems = watchPage(page);
    await page.goto(`/planning?start=${start}&weeks=8&department=${department.id}&sub=1`);
    await signInThroughForm(page, adminCredentials().username, adminCredentials().password);
    await page.getByRole('heading', { level: 1, name: 'Planning' }).waitFor();

    // Keyboard only: Enter on the person expands them, then down to the assignment and
    // right to the first week; 8 and Tab, four times.
    const grid = page.getByRole('grid');
    await grid.getByText(`E2E Planner ${suffix}`).waitFor();
    await grid.focus();
    await page.keyboard.press('Enter');
    await grid.getByText(`E2E Bridge ${suffix}`).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.type('8');
      await page.keyboard.press(i < 3 ? 'Tab' : 'Enter');
    }
    await page.getByTestId('planning-save-status').getByText('All changes saved').waitFor();
    expect(new URL(page.url()).searchParams.get('open')).toBe(String(person.id));

    await page.reload();
    const hoursCell = (week: string) =>
      page.getByRole('gridcell', { name: new RegExp(`^E2E Bridge ${suffix}, Week of .*: 8 hours$`) }).nth(weeks.indexOf(week));
    for (const week of weeks) await hoursCell(week).waitFor();
    expect(await page.getByRole('gridcell', { name: new RegExp(`^E2E Bridge ${suffix}, .*: 8 hours$`) }).count()).toBe(4);

    await api('POST', '/assignments', { person: person.id, project: second.id, weeklyHours: { [weeks[0]!]: 30 } });
    await page.reload();
    const total = page.getByRole('gridcell', { name: new RegExp(`^E2E Planner ${suffix}, Week of .*: 38 of 36 hours, 106%, Over-allocated`) });
    await total.waitFor();
    expect(await total.getAttribute('class')).toContain('plan-band--over');
    expect(await total.getAttribute('id')).toBe('plan-cell-0-1');
    expect(await total.locator('[data-band="over"]').textContent()).toBe('38▲');
    // The next week stays within capacity (8 of 36).
    const next = page.getByRole('gridcell', { name: new RegExp(`^E2E Planner ${suffix}, Week of .*: 8 of 36 hours, 22%, Available`) });
    expect(await next.count()).toBe(3);

    expect(problems.cspViolations).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });
});
