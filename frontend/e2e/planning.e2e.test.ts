// The planning grid end to end in real Chromium against the running stack, with all
// data made through the UI: a department (departments page), a person of 36 h a week in
// it (people page) and two active projects (projects page). Then, on the planning page
// narrowed to that department by the header filter and with the keyboard only: the
// person expanded, the first project added with the typeahead, 8 hours typed into four
// consecutive weeks, saved and still there after a reload; the second project added and
// 30 h typed into the first week make it over-allocated (38 > 36), shown by text and
// marker. No CSP violations or page errors on the way.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeWithoutProblems, openAsAdmin, uniqueSuffix, useBrowser } from './fixtures.ts';

/** Follows a side-nav link (it keeps the department filter) and waits for the page. */
async function goTo(page: Page, link: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: link }).waitFor();
}

async function createDepartment(page: Page, name: string): Promise<string> {
  await goTo(page, 'Departments');
  await page.getByRole('button', { name: 'New department' }).click();
  const dialog = page.getByRole('dialog', { name: 'New department' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByRole('button', { name: 'Create department' }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
  const id = new URL(page.url()).searchParams.get('selected');
  expect(id).toMatch(/^\d+$/);
  return id!;
}

async function createPerson(page: Page, name: string, departmentId: string) {
  await goTo(page, 'People');
  await page.getByRole('button', { name: 'New person' }).click();
  const dialog = page.getByRole('dialog', { name: 'New person' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Weekly capacity (hours)').fill('36');
  await dialog.getByRole('combobox', { name: 'Department' }).selectOption(departmentId);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function createProject(page: Page, name: string) {
  await goTo(page, 'Projects');
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByRole('combobox', { name: 'Status' }).selectOption('active');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The accessible name of the grid's active cell (its label, or its text). */
function activeCell(page: Page): Promise<string> {
  return page.getByRole('grid').evaluate((grid) => {
    const id = grid.getAttribute('aria-activedescendant');
    const cell = id ? document.getElementById(id) : null;
    return cell?.getAttribute('aria-label') ?? cell?.textContent ?? '';
  });
}

/**
 * Keyboard only, from the expanded person's row: the add row under their projects opens
 * the typeahead, the project is typed and picked with Enter, and the keyboard returns to
 * the grid on the new assignment's first week.
 */
async function addProject(page: Page, personName: string, projectName: string) {
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  expect(await activeCell(page)).toContain('+ Add project');
  await page.keyboard.press('Enter');
  const search = page.getByRole('combobox', { name: `Add a project to ${personName}` });
  await search.waitFor();
  await page.keyboard.type(projectName);
  const wanted = page.getByRole('option', { name: new RegExp(projectName) });
  await wanted.waitFor();
  // The search matches words, so other projects may be listed too: arrow to this one.
  for (let i = 0; i < 10 && (await wanted.getAttribute('aria-selected')) !== 'true'; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('rowheader', { name: projectName }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
}

/** Moves from wherever the keyboard is to the named assignment's first week: to the
 * bottom of the (one) person's rows, then up until that project's row. */
async function toFirstWeek(page: Page, projectName: string) {
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 4 && !(await activeCell(page)).startsWith(projectName); i += 1) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  expect(await activeCell(page)).toMatch(new RegExp(`^${projectName}, Week of `));
}

describe('planning grid', () => {
  const browser = useBrowser();

  it('plans hours made entirely through the UI, keyboard only, and flags over-allocation', async () => {
    const suffix = uniqueSuffix();
    const names = {
      department: `E2E Planning ${suffix}`,
      person: `E2E Planner ${suffix}`,
      first: `E2E Bridge ${suffix}`,
      second: `E2E Dam ${suffix}`,
    };
    const { page, problems } = await openAsAdmin(browser(), '/');

    const departmentId = await createDepartment(page, names.department);
    await createPerson(page, names.person, departmentId);
    await createProject(page, names.first);
    await createProject(page, names.second);

    // Only this department's people: the new person is the grid's one row.
    await goTo(page, 'Planning');
    const scope = page.getByRole('combobox', { name: 'Showing' });
    await scope.focus();
    await scope.selectOption(departmentId);
    const grid = page.getByRole('grid');
    await grid.getByRole('rowheader', { name: new RegExp(names.person) }).waitFor();
    // The unfiltered grid stays in view until the narrowed one arrives: wait for it.
    await expect.poll(() => grid.getByRole('rowheader').count()).toBe(1);

    await grid.focus();
    expect(await activeCell(page)).toContain(names.person);
    await page.keyboard.press('Enter');
    await grid.getByRole('rowheader', { name: '+ Add project' }).waitFor();
    await addProject(page, names.person, names.first);
    await toFirstWeek(page, names.first);
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.type('8');
      await page.keyboard.press(i < 3 ? 'Tab' : 'Enter');
    }
    await page.getByTestId('planning-save-status').getByText('All changes saved').waitFor();
    const url = new URL(page.url());
    expect([url.searchParams.get('department'), url.searchParams.get('sub')]).toEqual([departmentId, '1']);
    expect(url.searchParams.get('open')).toMatch(/^\d+$/);

    await page.reload();
    const eights = page.getByRole('gridcell', { name: new RegExp(`^${names.first}, Week of .*: 8 hours`) });
    await eights.nth(3).waitFor();
    expect(await eights.count()).toBe(4);
    const firstWeek = await eights.first().getAttribute('aria-label');

    await grid.focus();
    await addProject(page, names.person, names.second);
    await toFirstWeek(page, names.second);
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await page.getByTestId('planning-save-status').getByText('All changes saved').waitFor();

    await page.reload();
    const week = firstWeek!.slice(names.first.length + 2, firstWeek!.indexOf(':'));
    const total = page.getByRole('gridcell', { name: `${names.person}, ${week}: 38 of 36 hours, 106%, Over-allocated`, exact: false });
    await total.waitFor();
    expect(await total.locator('[data-band="over_allocated"]').textContent()).toBe('38⚠\uFE0E');
    const nextWeeks = page.getByRole('gridcell', { name: new RegExp(`^${names.person}, Week of .*: 8 of 36 hours, 22%, Available`) });
    expect(await nextWeeks.count()).toBe(3);

    await closeWithoutProblems(page, problems);
  });
});
