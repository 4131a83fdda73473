// "Add a person" on the project page: one request for the server-ranked candidates
// (weeks, skills, the page's department filter, name search), skills picked several at
// once with the ones each candidate has shown, and "Add" creating the assignment.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../api/projects';
import { listPage, makeMe } from '../../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../../test/render';
import { makeAssignment, makeProject, serveApi } from '../../test/peopleData';

const manager = makeMe({ role: 'manager' });

function candidate(id: number, name: string, free: number, overrides: Partial<Candidate> = {}): Candidate {
  return {
    id, name, departmentName: 'Design', roleName: 'Engineer', weeklyCapacity: 36, capacity: 144,
    planned: 144 - free, free, matchedSkills: [], ...overrides,
  };
}

const revit = { id: 1, name: 'Revit', category: 'Software', version: 1 };
const steel = { id: 2, name: 'Steel design', category: 'Structures', version: 1 };
const cy = candidate(3, 'Cy Cole', 138, {
  departmentName: null,
  matchedSkills: [{ id: 1, name: 'Revit', kind: 'strength', level: 'expert' }, { id: 2, name: 'Steel design', kind: 'learning', level: 'beginner' }],
});
const bob = candidate(2, 'Bob Baker', -8, { matchedSkills: [{ id: 2, name: 'Steel design', kind: 'strength', level: 'advanced' }] });

function serveDialog() {
  return serveApi((url, init) => {
    if (init.method === 'POST') return jsonResponse(makeAssignment({ id: 9, person: 3, project: 4, personName: 'Cy Cole' }), 201);
    if (url.pathname === '/api/projects/4') return jsonResponse(makeProject({ id: 4, name: 'Bridge' }));
    if (url.pathname === '/api/assignments') return jsonResponse(listPage([], 500));
    if (url.pathname === '/api/deliverables') return jsonResponse([]);
    if (url.pathname === '/api/skills') return jsonResponse([revit, steel]);
    if (url.pathname === '/api/projects/4/candidates') {
      const skills = url.searchParams.get('skills');
      const items = skills ? [cy, bob] : [cy, { ...bob, matchedSkills: [] }, candidate(5, 'Di Dunn', 20)];
      return jsonResponse({ weekKeys: [], items: url.searchParams.get('search') === 'zz' ? [] : items });
    }
    return undefined;
  });
}

const candidateCalls = (fetchMock: ReturnType<typeof serveDialog>) =>
  fetchCalls(fetchMock).map(([url]) => url).filter((url) => url.startsWith('/api/projects/4/candidates'));

async function openDialog(path = '/projects/4') {
  renderRoute(path, { session: manager });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Add a person' }));
  return { user, dialog: screen.getByRole('dialog', { name: 'Add a person to Bridge' }) };
}

// Each test renders the whole project page; on a busy machine that can pass 5 s.
describe('add a person to a project', { timeout: 15_000 }, () => {
  it('lists the server’s candidates for the chosen weeks and adds one with a role', async () => {
    const fetchMock = serveDialog();
    const { user, dialog } = await openDialog();
    expect(within(dialog).getByRole('combobox', { name: 'Weeks' })).toHaveValue('4');
    const table = await within(dialog).findByRole('table', { name: 'Candidates' });
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Cy ColeEngineer1386 / 144Add Cy Cole',
      'Bob BakerEngineerDesign-8 (over-allocated)152 / 144Add Bob Baker',
      'Di DunnEngineerDesign20124 / 144Add Di Dunn',
    ]);
    expect(candidateCalls(fetchMock)).toEqual([expect.stringMatching(/^\/api\/projects\/4\/candidates\?start=\d{4}-\d{2}-\d{2}&weeks=4&limit=200$/)]);

    await user.type(within(dialog).getByLabelText('Role on project (optional)'), 'Checker');
    await user.click(within(dialog).getByRole('button', { name: 'Add Cy Cole' }));
    expect(await screen.findByText('Added Cy Cole to Bridge.')).toBeInTheDocument();
    const [, init] = fetchCalls(fetchMock).find(([, call]) => call.method === 'POST')!;
    expect(JSON.parse(init.body as string)).toEqual({ person: 3, project: 4, roleOnProject: 'Checker' });
  });

  it('asks for people with any of several skills and shows the ones each has', async () => {
    const fetchMock = serveDialog();
    const { user, dialog } = await openDialog();
    const picker = await within(dialog).findByRole('combobox', { name: 'Skills wanted' });
    await user.type(picker, 'revit{Enter}');
    const next = within(dialog).getByRole('combobox', { name: 'Skills wanted' });
    await waitFor(() => expect(next).toHaveFocus());
    await user.type(next, 'steel{Enter}');
    const chosen = within(dialog).getByRole('list', { name: 'Skills wanted' });
    expect(within(chosen).getAllByRole('button').map((chip) => chip.textContent)).toEqual(['Remove Revit ×', 'Remove Steel design ×']);

    const table = within(dialog).getByRole('table', { name: 'Candidates' });
    expect(await within(table).findByRole('columnheader', { name: 'Matching skills' })).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /Cy Cole/ })).getByText('Revit (Expert)')).toHaveClass('tag');
    expect(within(table).getByText('Steel design (Beginner, learning)')).toBeInTheDocument();
    expect(candidateCalls(fetchMock).at(-1)).toMatch(/&skills=1%2C2$/);

    await user.click(within(chosen).getByRole('button', { name: 'Remove Revit' }));
    await waitFor(() => expect(candidateCalls(fetchMock).at(-1)).toMatch(/&skills=2$/));
  });

  it('keeps to the page’s department filter and searches by name on the server', async () => {
    const fetchMock = serveDialog();
    const { user, dialog } = await openDialog('/projects/4?department=7&sub=0');
    await within(dialog).findByRole('table', { name: 'Candidates' });
    expect(within(dialog).getByText('Only people in the department chosen at the top of the page.')).toBeInTheDocument();
    expect(candidateCalls(fetchMock)[0]).toMatch(/&department=7&includeChildren=false$/);
    await user.type(within(dialog).getByRole('searchbox', { name: 'Filter by name' }), 'zz');
    expect(await within(dialog).findByText('Nobody else to add by that name in the chosen department.')).toBeInTheDocument();
    expect(candidateCalls(fetchMock).at(-1)).toMatch(/&includeChildren=false&search=zz$/);
  });
});
