// People and projects end to end in real Chromium against the running stack: a
// department made through the API (with a token from POST /api/token), then in the UI
// a person in it and a project; the person added to the project from the candidates,
// listed there, and the assignment seen on the person's page. No CSP violation or page
// error on the way.
import { describe, expect, it } from 'vitest';
import { adminApi, closeWithoutProblems, createDepartment, openAsAdmin, uniqueSuffix, useBrowser } from './fixtures.ts';

describe('people and projects', () => {
  const browser = useBrowser();

  it('creates a person and a project and staffs the project with the person', async () => {
    const suffix = uniqueSuffix();
    const departmentName = `E2E Team ${suffix}`;
    const personName = `E2E Person ${suffix}`;
    const projectName = `E2E Project ${suffix}`;
    const departmentId = (await createDepartment(await adminApi(), { name: departmentName })).id;
    const { page, problems } = await openAsAdmin(browser(), '/people');
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    await page.getByRole('button', { name: 'New person' }).click();
    const personDialog = page.getByRole('dialog', { name: 'New person' });
    await personDialog.getByLabel('Name', { exact: true }).fill(personName);
    await personDialog.getByLabel('Weekly capacity (hours)').fill('40');
    await personDialog.getByRole('combobox', { name: 'Department' }).selectOption(String(departmentId));
    await personDialog.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: personName }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Department' }).inputValue()).toBe(String(departmentId));

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    const projectDialog = page.getByRole('dialog', { name: 'New project' });
    await projectDialog.getByLabel('Name', { exact: true }).fill(projectName);
    await projectDialog.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { level: 1, name: projectName }).waitFor();

    await page.getByRole('button', { name: 'Add a person' }).click();
    const addDialog = page.getByRole('dialog', { name: `Add a person to ${projectName}` });
    await addDialog.getByLabel('Filter by name').fill(personName);
    const candidate = addDialog.getByRole('row', { name: new RegExp(personName) });
    expect(await candidate.textContent()).toContain(departmentName);
    await addDialog.getByRole('button', { name: `Add ${personName}` }).click();
    const onProject = page.getByRole('table', { name: 'People on this project' });
    await onProject.getByRole('link', { name: personName }).click();

    await page.getByRole('heading', { level: 1, name: personName }).waitFor();
    await page.getByRole('table', { name: 'Assignments' }).getByRole('link', { name: projectName }).waitFor();
    expect(await page.getByRole('list', { name: 'Utilization, next 12 weeks' }).getByRole('listitem').count()).toBe(12);

    await closeWithoutProblems(page, problems);
  });
});
