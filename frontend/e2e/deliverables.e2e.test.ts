// A project's deliverables end to end in real Chromium against the running stack: a
// project made through the API gets the four default deliverables (SD 35%, DD 75%,
// IFP 95%, IFC 100%); on its page DD's date is edited in place (Enter saves) and IFC is
// dragged by its handle to the top; after a reload the order and the date are still
// there, in the page and in the API. No CSP violation or page error on the way.
import { describe, expect, it } from 'vitest';
import { adminApi, closeWithoutProblems, createProject, openAsAdmin, uniqueSuffix, useBrowser } from './fixtures.ts';

interface Deliverable {
  id: number;
  description: string;
  percentage: number | null;
  date: string | null;
}

describe('deliverables', () => {
  const browser = useBrowser();

  it('edits a date in place and drags the last deliverable to the top, both kept after a reload', async () => {
    const api = await adminApi();
    const project = await createProject(api, { name: `E2E Milestones ${uniqueSuffix()}`, status: 'active' });
    const { page, problems } = await openAsAdmin(browser(), `/projects/${project.id}`);

    const table = page.getByRole('table', { name: 'Deliverables' });
    const rows = table.locator('tbody > tr.deliverable');
    // A value reads "Edit Description of SD: SD" to a screen reader; the table shows "SD".
    const shownText = async (cells: typeof rows) => (await cells.allInnerTexts()).map((text) => text.replace(/^Edit [^:]*:\s*/, ''));
    const names = () => shownText(rows.locator('th[scope="row"]'));
    await rows.nth(3).waitFor();
    expect(await names()).toEqual(['SD', 'DD', 'IFP', 'IFC']);
    expect(await shownText(rows.locator('td.num'))).toEqual(['35%', '75%', '95%', '100%']);

    // DD's date, edited in place: click the value, type, Enter saves.
    const date = '2027-03-15';
    const shown = await page.evaluate(
      (day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(`${day}T12:00:00Z`)),
      date,
    );
    await table.getByRole('button', { name: 'Edit Date of DD: none' }).click();
    const input = table.getByLabel('Date of DD');
    await input.fill(date);
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/api/deliverables/'));
    await input.press('Enter');
    expect((await saved).status()).toBe(200);
    await table.getByRole('button', { name: `Edit Date of DD: ${shown}` }).waitFor();

    // IFC dragged by its handle into the top half of SD's row.
    const reordered = page.waitForResponse((response) => response.url().endsWith(`/api/projects/${project.id}/deliverables/reorder`));
    await table.getByRole('button', { name: 'Move IFC' }).dragTo(rows.first(), { targetPosition: { x: 40, y: 3 } });
    expect((await reordered).status()).toBe(200);
    expect(await names()).toEqual(['IFC', 'SD', 'DD', 'IFP']);

    await page.reload();
    await table.getByRole('button', { name: `Edit Date of DD: ${shown}` }).waitFor();
    expect(await names()).toEqual(['IFC', 'SD', 'DD', 'IFP']);
    const stored = await api<Deliverable[]>('GET', `/deliverables?project=${project.id}`);
    expect(stored.map(({ description, percentage, date: day }) => [description, percentage, day])).toEqual([
      ['IFC', 100, null],
      ['SD', 35, null],
      ['DD', 75, date],
      ['IFP', 95, null],
    ]);

    await closeWithoutProblems(page, problems);
  });
});
