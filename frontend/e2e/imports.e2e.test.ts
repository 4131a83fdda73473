// Imports end to end in real Chromium against the running api and worker: the admin
// picks a people CSV with one bad row (a weekly capacity that is not a number) on
// /import and checks it; the dry run's preview lists that row's error (sheet, row,
// column, value, reason; a CSV's one sheet is called "CSV") and holds the import back.
// The corrected file is chosen and checked again, then imported; the result counts the new people and its link opens
// People, where they are listed (in the department the file named, created on the way).
// No CSP violation or page error on the way.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeWithoutProblems, openAsAdmin, uniqueSuffix, useBrowser } from './fixtures.ts';

function peopleCsv(suffix: string, boCapacity: string): string {
  return [
    'Name,Email,Weekly capacity (h),Department',
    `E2E Import Ann ${suffix},ann-${suffix}@example.com,40,E2E Imported ${suffix}`,
    `E2E Import Bo ${suffix},bo-${suffix}@example.com,${boCapacity},E2E Imported ${suffix}`,
    `E2E Import Cy ${suffix},cy-${suffix}@example.com,32,E2E Imported ${suffix}`,
    '',
  ].join('\r\n');
}

/** Chooses `csv` as people.csv in the drop area's file input and sends it to be checked. */
async function checkFile(page: Page, csv: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Choose a file to import' });
  await form.getByLabel('Spreadsheet file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await form.getByTestId('import-chosen').getByText('people.csv').waitFor();
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/imports/people') && response.request().method() === 'POST');
  await form.getByRole('button', { name: 'Check file' }).click();
  expect((await answer).status()).toBe(202);
}

describe('imports', () => {
  const browser = useBrowser();

  it('checks a people file with a bad row, imports the corrected file, and lists the people', async () => {
    const suffix = uniqueSuffix();
    const { page, problems } = await openAsAdmin(browser(), '/import');
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    expect(await page.getByRole('radio', { name: /People/ }).isChecked()).toBe(true);

    // The check of the bad file: its error in the preview, and nothing to confirm.
    await checkFile(page, peopleCsv(suffix, 'lots'));
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.getByTestId('import-summary').innerText()).toMatch(/^Checked people\.csv: 3 rows, 1 error, \d+ warnings?\.$/);
    const problem = preview.getByRole('table', { name: 'Problems in the file' }).locator('tbody tr[data-severity="error"]');
    expect(await problem.count()).toBe(1);
    const cells = await problem.locator('td').allInnerTexts();
    expect(cells.slice(0, 5).map((cell) => cell.trim())).toEqual(['✕ Error', 'CSV', '3', 'Weekly capacity (h)', 'lots']);
    expect(cells[5]?.length).toBeGreaterThan(0);
    expect(await preview.getByTestId('import-blocked').innerText()).toMatch(/Fix the rows with errors/);
    expect(await preview.getByRole('button', { name: 'Import people.csv' }).count()).toBe(0);

    // The corrected file: checked clean, then imported for real.
    await checkFile(page, peopleCsv(suffix, '36'));
    await page.getByTestId('import-preview').getByTestId('import-summary').getByText(/3 rows, 0 errors/).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-count-person').innerText()).toMatch(/People\s+3\s+0\s+0\s+0/);
    const imported = page.waitForResponse((response) => response.url().endsWith('/api/imports/people') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Import people.csv' }).click();
    expect((await imported).status()).toBe(202);

    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getByRole('heading', { level: 2 }).innerText()).toMatch(/Import done/);
    expect(await result.getByTestId('import-summary').innerText()).toBe('Imported people.csv: 3 people created.');

    // The new people on the People page.
    await result.getByRole('link', { name: 'Open People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByPlaceholder('Search people').fill(suffix);
    for (const name of ['Ann', 'Bo', 'Cy']) {
      await page.getByRole('link', { name: `E2E Import ${name} ${suffix}` }).waitFor();
    }
    expect(await page.getByRole('row', { name: new RegExp(`E2E Import Bo ${suffix}`) }).innerText()).toContain(`E2E Imported ${suffix}`);

    await closeWithoutProblems(page, problems);
  });
});
