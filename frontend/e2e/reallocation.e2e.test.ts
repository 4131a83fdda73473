// Hour reallocation end to end in real Chromium against the running api and worker: a
// project whose DD is due in the fourth week and one person with hours in its third and
// fourth weeks (made through the API). On the project page DD's date moves two weeks
// later; the toast says what moved; in the project grid (reached inside the app, so the
// toast stays) the hours sit two weeks later; Undo on the toast puts them, and the date,
// back, and the grid shows it without a reload; DD's history on the project page lists
// the move as undone. No CSP violation or page error.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { requiredEnv } from './browser.ts';
import {
  adminApi,
  closeWithoutProblems,
  createAssignment,
  createPerson,
  createProject,
  daysAfter,
  openAsAdmin,
  thisSunday,
  uniqueSuffix,
  useBrowser,
  weeksAfter,
} from './fixtures.ts';

interface Deliverable {
  id: number;
  description: string;
  date: string | null;
}

interface Assignment {
  weeklyHours: Record<string, number>;
}

/** A date as the deliverables table shows it (the reader's locale, medium style). */
function shownDay(page: Page, date: string): Promise<string> {
  return page.evaluate((day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(`${day}T12:00:00Z`)), date);
}

/** Goes to `path` the way the app's own links do (history + popstate): no reload, so toasts stay. */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

describe('hour reallocation', () => {
  const browser = useBrowser();

  it('moves a deliverable two weeks later with its hours, then Undo on the toast puts both back', async () => {
    const api = await adminApi();
    const suffix = uniqueSuffix();
    const projectName = `E2E Causeway ${suffix}`;
    const personName = `E2E Engineer ${suffix}`;
    const start = thisSunday();
    const [week3, week4] = [weeksAfter(start, 2), weeksAfter(start, 3)];
    const person = await createPerson(api, { name: personName, weeklyCapacity: 40 });
    const project = await createProject(api, { name: projectName, status: 'active' });
    // The new project's default deliverables are undated, so DD's stretch is open both ways.
    const dd = (await api<Deliverable[]>('GET', `/deliverables?project=${project.id}`)).find((row) => row.description === 'DD');
    if (!dd) throw new Error('the new project has no DD deliverable');
    const oldDate = daysAfter(week4, 3); // the Wednesday of the fourth week
    const newDate = daysAfter(oldDate, 14);
    await api('PATCH', `/deliverables/${dd.id}`, { date: oldDate });
    const assignment = await createAssignment(api, { person: person.id, project: project.id, weeklyHours: { [week3]: 6, [week4]: 8 } });

    const { page, problems } = await openAsAdmin(browser(), `/projects/${project.id}`);
    const table = page.getByRole('table', { name: 'Deliverables' });
    await table.getByRole('button', { name: `Edit Date of DD: ${await shownDay(page, oldDate)}` }).click();
    const input = table.getByLabel('Date of DD');
    await input.fill(newDate);
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().endsWith(`/api/deliverables/${dd.id}`));
    await input.press('Enter');
    const answer = await saved;
    expect(answer.status()).toBe(200);
    expect(await answer.request().headerValue('prefer')).toBe('wait=5');

    const toasts = page.getByTestId('toasts');
    await toasts.getByText(`DD is now due ${await shownDay(page, newDate)}. Moved 1 assignment 2 weeks later.`).waitFor();

    // The project grid, inside the app: the person's hours now sit two weeks later.
    await navigateInApp(page, `/planning/projects?start=${start}&weeks=8&q=${encodeURIComponent(projectName)}&open=${project.id}`);
    await page.getByRole('heading', { level: 1, name: 'Project planning' }).waitFor();
    const hoursCells = page.getByRole('gridcell', { name: new RegExp(`^${personName} on ${projectName}, Week of .*: [1-9]\\d* hours$`) });
    /** The week columns (1 = this week) holding hours, with the hours. */
    const plannedWeeks = async () => {
      const cells = await hoursCells.all();
      return Promise.all(cells.map(async (cell) => [await cell.getAttribute('id'), (await cell.getAttribute('aria-label'))?.replace(/^.*: /, '')]));
    };
    await expect.poll(plannedWeeks, { timeout: 10_000 }).toEqual([['plan-cell-1-5', '6 hours'], ['plan-cell-1-6', '8 hours']]);

    // Undo on the toast: the hours come back to where they were, and the grid refreshes.
    const undone = page.waitForResponse((response) => response.url().endsWith(`/api/deliverables/${dd.id}/reallocation/undo`));
    await toasts.getByRole('button', { name: 'Undo' }).click();
    expect((await undone).status()).toBe(200);
    await toasts.getByText(`Undone: DD is due ${await shownDay(page, oldDate)} again, and its planned hours are back where they were.`).waitFor();
    await expect.poll(plannedWeeks, { timeout: 10_000 }).toEqual([['plan-cell-1-3', '6 hours'], ['plan-cell-1-4', '8 hours']]);

    // And so the server says: the hours and the date are back.
    const stored = await api<Assignment>('GET', `/assignments/${assignment.id}`);
    expect(stored.weeklyHours).toEqual({ [week3]: 6, [week4]: 8 });
    const after = await api<Deliverable>('GET', `/deliverables/${dd.id}`);
    expect(after.date).toBe(oldDate);

    // The project page's history of DD's date: the move, by the admin, undone.
    await navigateInApp(page, `/projects/${project.id}`);
    await table.getByRole('button', { name: 'History of the date moves of DD' }).click();
    const history = page.getByRole('table', { name: 'Date moves of DD' });
    const move = history.locator('tbody > tr');
    await move.first().waitFor();
    expect(await move.count()).toBe(1);
    const cells = (await move.first().getByRole('cell').allInnerTexts()).map((text) => text.trim());
    const [, who, dates, moved, assignments, undoneCell] = cells;
    expect([who, moved, assignments]).toEqual([requiredEnv('E2E_ADMIN_USER'), '2 weeks later', '1']);
    // "old → new"; the arrow is read as "to".
    expect(dates?.startsWith(await shownDay(page, oldDate))).toBe(true);
    expect(dates?.endsWith(await shownDay(page, newDate))).toBe(true);
    expect(undoneCell).toMatch(/^Undone .+ by /);

    await closeWithoutProblems(page, problems);
  });
});
