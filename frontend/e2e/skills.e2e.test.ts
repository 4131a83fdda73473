// Skills end to end in real Chromium against the running stack: a person made through
// the API (with a token from POST /api/token), then in the UI a skill created on
// /skills and given to that person on their page with a kind and level through the
// keyboard typeahead; after a reload the person still has it. No CSP violation or page
// error on the way.
import { describe, expect, it } from 'vitest';
import { adminApi, closeWithoutProblems, createPerson, openAsAdmin, uniqueSuffix, useBrowser } from './fixtures.ts';

describe('skills', () => {
  const browser = useBrowser();

  it('creates a skill and gives it to a person with a level', async () => {
    const suffix = uniqueSuffix();
    const skillName = `E2E Skill ${suffix}`;
    const personName = `E2E Skilled ${suffix}`;
    const personId = (await createPerson(await adminApi(), { name: personName })).id;
    const { page, problems } = await openAsAdmin(browser(), '/skills');
    await page.getByRole('heading', { level: 1, name: 'Skills' }).waitFor();
    const form = page.getByRole('form', { name: 'Add a skill' });
    await form.getByLabel('New skill', { exact: true }).fill(skillName);
    await form.getByLabel('Category (optional)').fill('E2E');
    await form.getByRole('button', { name: 'Add skill' }).click();
    await page.getByTestId(`skill-${skillName}`).waitFor();

    await page.goto(`/people/${personId}`);
    await page.getByRole('heading', { level: 1, name: personName }).waitFor();
    const picker = page.getByRole('combobox', { name: 'Add a skill' });
    await picker.fill(suffix);
    await page.getByRole('option', { name: new RegExp(skillName) }).waitFor();
    await picker.press('ArrowDown');
    await picker.press('Enter');
    expect(await picker.inputValue()).toBe(skillName);
    await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('development');
    await page.getByRole('combobox', { name: 'Level', exact: true }).selectOption('expert');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('table', { name: 'Developing (1)' }).getByTestId(`person-skill-${skillName}`).waitFor();

    await page.reload();
    const row = page.getByRole('table', { name: 'Developing (1)' }).getByTestId(`person-skill-${skillName}`);
    await row.waitFor();
    expect(await row.getByRole('combobox', { name: `Level of ${skillName}` }).inputValue()).toBe('expert');

    await closeWithoutProblems(page, problems);
  });
});
