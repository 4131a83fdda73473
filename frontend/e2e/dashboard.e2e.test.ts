// The dashboard end to end in real Chromium against the running stack: a department with
// two people of 36 h (made through the API), one planned at 50 h this week and one at
// 20 h. Scoped to that department, the dashboard lists the first as over-allocated and
// only them; the team heatmap's canvas shows the over-allocated band's colour (red), which
// only their cell can carry; clicking their name opens the planning grid with their row
// expanded on the project. No CSP violations or page errors on the way.
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
  thisSunday,
  uniqueSuffix,
  useBrowser,
} from './fixtures.ts';

/**
 * Whether any canvas of the team heatmap has a pixel of the over-allocated band's colour,
 * read from the same band class the app draws with.
 */
function heatmapShowsOverAllocated(page: Page): Promise<boolean> {
  return page.getByRole('region', { name: 'Team heatmap' }).evaluate((panel) => {
    const probe = document.createElement('span');
    probe.className = 'band-edge--over_allocated';
    document.body.append(probe);
    const wanted = getComputedStyle(probe).borderLeftColor.match(/\d+/g)?.slice(0, 3).map(Number) ?? [];
    probe.remove();
    const close = (data: Uint8ClampedArray, i: number) => wanted.every((value, k) => Math.abs(data[i + k]! - value) <= 6);
    return Array.from(panel.querySelectorAll('canvas')).some((canvas) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) return false;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) if (close(data, i)) return true;
      return false;
    });
  });
}

describe('dashboard', () => {
  const browser = useBrowser();

  it('shows the over-allocated person in the list and in red, and opens their planning row', async () => {
    const api = await adminApi();
    const suffix = uniqueSuffix();
    const department = await createDepartment(api, { name: `E2E Dashboard ${suffix}` });
    const over = await createPerson(api, { name: `E2E Over ${suffix}`, weeklyCapacity: 36, department: department.id });
    const calm = await createPerson(api, { name: `E2E Calm ${suffix}`, weeklyCapacity: 36, department: department.id });
    const project = await createProject(api, { name: `E2E Tower ${suffix}`, status: 'active' });
    const week = thisSunday();
    await createAssignment(api, { person: over.id, project: project.id, weeklyHours: { [week]: 50 } });
    await createAssignment(api, { person: calm.id, project: project.id, weeklyHours: { [week]: 20 } });

    const { page, problems } = await openAsAdmin(browser(), `/dashboard?department=${department.id}`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    const overList = page.getByRole('region', { name: 'Over-allocated people' });
    const overLink = overList.getByRole('link', { name: `E2E Over ${suffix}` });
    await overLink.waitFor();
    await expect.poll(() => overList.getByRole('link').count()).toBe(1);

    await page.getByRole('region', { name: 'Team heatmap' }).locator('canvas').first().waitFor();
    await expect.poll(() => heatmapShowsOverAllocated(page), { timeout: 10_000 }).toBe(true);

    await overLink.click();
    await page.waitForURL((url) => url.pathname === '/planning');
    expect(new URL(page.url()).searchParams.get('open')).toContain(String(over.id));
    await page.getByRole('rowheader', { name: new RegExp(`E2E Over ${suffix}`) }).waitFor();
    await page.getByRole('rowheader', { name: `E2E Tower ${suffix}` }).waitFor();

    await closeWithoutProblems(page, problems);
  });
});
