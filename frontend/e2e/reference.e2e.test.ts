// Reference data end to end in real Chromium against the running stack: an admin
// creates a department and a sub-department under it, sees the child nested and
// indented under its parent after a reload, adds a job role, and no CSP violation or
// page error happens on the way.
import { describe, expect, it } from 'vitest';
import { closeWithoutProblems, openAsAdmin, uniqueSuffix, useBrowser } from './fixtures.ts';

describe('reference data', () => {
  const browser = useBrowser();

  it('creates a department tree and a role', async () => {
    const suffix = uniqueSuffix();
    const parentName = `E2E Parent ${suffix}`;
    const childName = `E2E Child ${suffix}`;
    const roleName = `E2E Role ${suffix}`;
    const { page, problems } = await openAsAdmin(browser(), '/departments');
    await page.getByRole('heading', { level: 1, name: 'Departments' }).waitFor();

    // The parent at the top level, then the child: "New department" defaults to the open one.
    for (const name of [parentName, childName]) {
      await page.getByRole('button', { name: 'New department' }).click();
      const dialog = page.getByRole('dialog', { name: 'New department' });
      await dialog.getByLabel('Name', { exact: true }).fill(name);
      await dialog.getByRole('button', { name: 'Create department' }).click();
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    expect(new URL(page.url()).searchParams.get('selected')).toMatch(/^\d+$/);

    await page.reload();
    const tree = page.getByRole('tree', { name: 'Departments' });
    const parent = tree.getByRole('treeitem', { name: parentName, exact: true });
    const child = parent.getByRole('group').getByRole('treeitem', { name: childName, exact: true });
    await child.waitFor();
    expect(await child.getAttribute('aria-selected')).toBe('true');
    expect(Number(await child.getAttribute('aria-level'))).toBe(Number(await parent.getAttribute('aria-level')) + 1);
    const parentBox = await parent.locator('.tree__name').first().boundingBox();
    const childBox = await child.locator('.tree__name').boundingBox();
    expect(childBox!.x).toBeGreaterThan(parentBox!.x + 8); // indented under its parent
    expect(childBox!.y).toBeGreaterThan(parentBox!.y);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roles' }).click();
    const form = page.getByRole('form', { name: 'Add a role' });
    await form.getByLabel('New role', { exact: true }).fill(roleName);
    await form.getByRole('button', { name: 'Add role' }).click();
    await page.getByTestId(`role-${roleName}`).waitFor();
    expect(await page.getByTestId(`role-${roleName}`).textContent()).toContain('Active');

    await closeWithoutProblems(page, problems);
  });
});
