// The project grid end to end in real Chromium against the running stack: a project
// with one person on it and a deliverable dated in the second week, made through the
// API; then, keyboard only, the project expanded and 5 hours typed into two weeks,
// saved and still there after a reload, and the deliverable's mark (named in words)
// in the project row's second week. No CSP violations or page errors.
import { describe, expect, it } from 'vitest';
import {
  adminApi,
  closeWithoutProblems,
  createAssignment,
  createDeliverable,
  createPerson,
  createProject,
  daysAfter,
  openAsAdmin,
  thisSunday,
  uniqueSuffix,
  useBrowser,
} from './fixtures.ts';

/** "Tue 12 Jan", as the mark names a due date. */
function dueDay(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

describe('project grid', () => {
  const browser = useBrowser();

  it('types hours under a project with the keyboard, keeps them after a reload and marks the deliverable’s week', async () => {
    const api = await adminApi();
    const suffix = uniqueSuffix();
    const projectName = `E2E Viaduct ${suffix}`;
    const personName = `E2E Surveyor ${suffix}`;
    const person = await createPerson(api, { name: personName, weeklyCapacity: 36 });
    const project = await createProject(api, { name: projectName, status: 'active' });
    await createAssignment(api, { person: person.id, project: project.id });
    const start = thisSunday();
    const dueDate = daysAfter(start, 9); // the Tuesday of the second week
    await createDeliverable(api, { project: project.id, description: 'E2E Check', percentage: 50, date: dueDate });

    const { page, problems } = await openAsAdmin(browser(), `/planning/projects?start=${start}&weeks=8&q=${encodeURIComponent(projectName)}`);
    await page.getByRole('heading', { level: 1, name: 'Project planning' }).waitFor();

    // Keyboard only: Enter on the project expands it, then down to its person and right
    // to the first week; 5 and Tab, then 5 and Enter.
    const grid = page.getByRole('grid');
    await grid.getByText(projectName).waitFor();
    await grid.focus();
    await page.keyboard.press('Enter');
    await grid.getByText(personName).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await page.getByTestId('planning-save-status').getByText('All changes saved').waitFor();
    expect(new URL(page.url()).searchParams.get('open')).toBe(String(project.id));

    await page.reload();
    const hours = page.getByRole('gridcell', { name: new RegExp(`^${personName} on ${projectName}, Week of .*: 5 hours$`) });
    await hours.first().waitFor();
    expect(await hours.count()).toBe(2);
    expect(await hours.nth(0).getAttribute('id')).toBe('plan-cell-1-1');
    expect(await hours.nth(1).getAttribute('id')).toBe('plan-cell-1-2');

    // The deliverable's mark sits in the project row's second week, named in words.
    const label = `E2E Check 50% due ${dueDay(dueDate)}`;
    const mark = grid.getByRole('img', { name: label });
    await mark.waitFor();
    expect(await mark.textContent()).toBe('◆');
    const weekCell = page.getByRole('gridcell', { name: new RegExp(`^${projectName}, Week of .*: 5 hours planned, ${label}$`) });
    expect(await weekCell.getAttribute('id')).toBe('plan-cell-0-2');
    expect(await grid.getByRole('img').count()).toBe(1);

    // One click away: the people grid, with the same window.
    const people = page.getByRole('navigation', { name: 'Planning view' }).getByRole('link', { name: 'People' });
    expect(await people.getAttribute('href')).toBe(`/planning?start=${start}&weeks=8`);

    await closeWithoutProblems(page, problems);
  });
});
