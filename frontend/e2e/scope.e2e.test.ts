// The global department filter end to end in real Chromium against the running stack:
// a department with a sub-department and a second department, each with one person, and
// a project staffed from each top-level department (made through the API). Picking the
// department in the header narrows the people list (with and without sub-departments),
// a person's link and then the side nav carry the filter to the planning grid and the
// projects list, which are narrowed too, Back undoes a change, and the chip's clear
// button shows everyone again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  adminApi,
  closeWithoutProblems,
  createAssignment,
  createDepartment,
  createPerson,
  createProject,
  openAsAdmin,
  uniqueSuffix,
  useBrowser,
  type Api,
} from './fixtures.ts';

/** Two departments (one with a sub-department), a person in each and two projects. */
async function seed(api: Api, suffix: string) {
  const civil = await createDepartment(api, { name: `E2E Civil ${suffix}` });
  const roads = await createDepartment(api, { name: `E2E Roads ${suffix}`, parentDepartment: civil.id });
  const finance = await createDepartment(api, { name: `E2E Finance ${suffix}` });
  const names = { civil: `E2E Cy ${suffix}`, roads: `E2E Ro ${suffix}`, finance: `E2E Fi ${suffix}` };
  const cy = await createPerson(api, { name: names.civil, weeklyCapacity: 36, department: civil.id });
  await createPerson(api, { name: names.roads, weeklyCapacity: 36, department: roads.id });
  const fi = await createPerson(api, { name: names.finance, weeklyCapacity: 36, department: finance.id });
  const bridge = await createProject(api, { name: `E2E Bridge ${suffix}`, status: 'active' });
  const ledger = await createProject(api, { name: `E2E Ledger ${suffix}`, status: 'active' });
  await createAssignment(api, { person: cy.id, project: bridge.id });
  await createAssignment(api, { person: fi.id, project: ledger.id });
  return { civilId: String(civil.id), civilName: `E2E Civil ${suffix}`, people: names };
}

/** The names of the links in the people table, in order. */
async function listedPeople(page: Page): Promise<string[]> {
  return page.locator('table').getByRole('link').allTextContents();
}

const scopeOf = (page: Page) => {
  const url = new URL(page.url());
  return [url.pathname, url.searchParams.get('department'), url.searchParams.get('sub')];
};

describe('department filter', () => {
  const browser = useBrowser();

  it('narrows the people list, the planning grid and the projects list, and survives in-page links and the side nav', async () => {
    const suffix = uniqueSuffix();
    const { civilId, civilName, people } = await seed(await adminApi(), suffix);
    const { page, problems } = await openAsAdmin(browser(), `/people?q=${suffix}`);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await expect.poll(() => listedPeople(page)).toEqual([people.civil, people.finance, people.roads]);

    const filter = page.getByRole('group', { name: 'Department filter' });
    const picker = filter.getByRole('combobox', { name: 'Showing' });
    await picker.focus();
    await picker.selectOption(civilId);
    await filter.getByText(`Filtered: ${civilName} (and below)`).waitFor();
    await expect.poll(() => listedPeople(page)).toEqual([people.civil, people.roads]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(suffix);

    await filter.getByRole('checkbox', { name: 'Include sub-departments' }).uncheck();
    await expect.poll(() => listedPeople(page)).toEqual([people.civil]);
    expect(scopeOf(page)).toEqual(['/people', civilId, '0']);
    await page.goBack();
    await expect.poll(() => listedPeople(page)).toEqual([people.civil, people.roads]);
    expect(scopeOf(page)).toEqual(['/people', civilId, '1']);

    await page.locator('table').getByRole('link', { name: people.roads }).click();
    await page.getByRole('heading', { level: 1, name: people.roads }).waitFor();
    expect(scopeOf(page)).toEqual([expect.stringMatching(/^\/people\/\d+$/), civilId, '1']);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Planning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planning' }).waitFor();
    expect(scopeOf(page)).toEqual(['/planning', civilId, '1']);
    const grid = page.getByRole('grid');
    await grid.getByRole('rowheader', { name: new RegExp(people.roads) }).waitFor();
    expect(await grid.getByRole('rowheader').allTextContents()).toEqual([
      expect.stringContaining(people.civil),
      expect.stringContaining(people.roads),
    ]);
    expect(await picker.inputValue()).toBe(civilId);

    await nav.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    expect(scopeOf(page)).toEqual(['/projects', civilId, '1']);
    await page.getByRole('searchbox', { name: 'Search projects' }).fill(suffix);
    await expect.poll(() => page.locator('table').getByRole('link').allTextContents()).toEqual([`E2E Bridge ${suffix}`]);

    await filter.getByRole('button', { name: 'Clear department filter' }).click();
    await expect
      .poll(() => page.locator('table').getByRole('link').allTextContents())
      .toEqual([`E2E Bridge ${suffix}`, `E2E Ledger ${suffix}`]);
    expect(scopeOf(page)).toEqual(['/projects', null, null]);
    expect(await picker.inputValue()).toBe('');

    await closeWithoutProblems(page, problems);
  });
});
