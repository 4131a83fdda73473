// The planning grid's mouse and undo end to end in real Chromium against the running
// stack: an assignment with 2, 3 and 4 hours in three weeks (made through the API), a
// mouse drag across those three week cells, 6 typed and Enter fills all three, Ctrl+Z
// puts 2, 3 and 4 back, and a reload shows the restored hours were saved. Then ? opens
// the keyboard shortcuts overlay, Escape closes it and the grid has the keyboard again.
// No CSP violations or page errors.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  adminApi,
  closeWithoutProblems,
  createAssignment,
  createDepartment,
  createPerson,
  createProject,
  openAsAdmin,
  thisSunday,
  uniqueSuffix,
  useBrowser,
  weeksAfter,
} from './fixtures.ts';

/** Waits until the row's first three week cells say these hours, saved (no ", saving"). */
async function expectHours(cells: Locator, hours: readonly number[]): Promise<void> {
  for (const [i, value] of hours.entries()) {
    await cells.nth(i).and(cells.page().getByRole('gridcell', { name: new RegExp(`: ${value} hours$`) })).waitFor();
    expect(await cells.nth(i).textContent()).toBe(String(value));
  }
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the cell is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses the mouse on the first cell and releases it on the last, passing the others. */
async function drag(page: Page, cells: readonly Locator[]): Promise<void> {
  const [first, ...rest] = cells;
  const from = await centre(first!);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (const cell of rest) {
    const to = await centre(cell);
    await page.mouse.move(to.x, to.y, { steps: 4 });
  }
  await page.mouse.up();
}

describe('planning grid editing', () => {
  const browser = useBrowser();

  it('fills a dragged range, undoes it with Ctrl+Z, keeps the undo after a reload, and shows ? help', async () => {
    const api = await adminApi();
    const suffix = uniqueSuffix();
    const department = await createDepartment(api, { name: `E2E Grid ${suffix}` });
    const person = await createPerson(api, { name: `E2E Dragger ${suffix}`, weeklyCapacity: 36, department: department.id });
    const project = await createProject(api, { name: `E2E Canal ${suffix}`, status: 'active' });
    const start = thisSunday();
    const weeks = [0, 1, 2].map((offset) => weeksAfter(start, offset));
    const assignment = await createAssignment(api, {
      person: person.id,
      project: project.id,
      weeklyHours: { [weeks[0]!]: 2, [weeks[1]!]: 3, [weeks[2]!]: 4 },
    });

    const { page, problems } = await openAsAdmin(browser(), `/planning?start=${start}&weeks=8&department=${department.id}&sub=1&open=${person.id}`);
    await page.getByRole('heading', { level: 1, name: 'Planning' }).waitFor();

    const grid = page.getByRole('grid');
    const row = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `E2E Canal ${suffix}` }) });
    const cells = row.getByRole('gridcell');
    await expectHours(cells, [2, 3, 4]);

    await drag(page, [cells.nth(0), cells.nth(1), cells.nth(2)]);
    for (let i = 0; i < 3; i += 1) expect(await cells.nth(i).getAttribute('aria-selected')).toBe('true');
    expect(await cells.nth(3).getAttribute('aria-selected')).toBe('false');
    // The drag selected cells, not text.
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');

    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await expectHours(cells, [6, 6, 6]);

    await page.keyboard.press('Control+z');
    await expectHours(cells, [2, 3, 4]);
    await page.getByTestId('planning-save-status').getByText('All changes saved').waitFor();

    await page.reload();
    await expectHours(cells, [2, 3, 4]);
    const saved = await api<{ weeklyHours: Record<string, number> }>('GET', `/assignments/${assignment.id}`);
    expect(saved.weeklyHours).toEqual({ [weeks[0]!]: 2, [weeks[1]!]: 3, [weeks[2]!]: 4 });

    await cells.nth(0).click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await help.getByRole('row', { name: /Undo the last edit/ }).waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');

    await closeWithoutProblems(page, problems);
  });
});
