// Tests for a person's Skills section on its own: grouped by kind with levels, adding a
// skill through the keyboard typeahead, changing a level, removing one (with rollback
// and the server's words on failure), and read-only for plain users.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PersonSkill } from '../../api/skills';
import type { Me } from '../../api/types';
import { storeTokens } from '../../auth/sessionStore';
import { makeMe, problem } from '../../test/fixtures';
import { commitNow, fetchCalls, jsonResponse, mockFetch } from '../../test/render';
import { ToastProvider } from '../../ui/toast/ToastProvider';
import { PersonSkills } from './PersonSkills';

const tags = [
  { id: 1, name: 'Revit', category: 'Software', version: 1 },
  { id: 2, name: 'Bridge design', category: 'Structures', version: 1 },
  { id: 3, name: 'AutoCAD', category: 'Software', version: 1 },
];
const revit: PersonSkill = { skill: 1, name: 'Revit', category: 'Software', kind: 'strength', level: 'advanced' };

function renderSkills(user: Me) {
  storeTokens({ access: 'access-1', accessExpiresAt: '2030-01-01T00:00:00Z', user });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const router = createMemoryRouter([{ path: '*', element: <PersonSkills person={7} /> }]);
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} flushSync={commitNow} />
      </ToastProvider>
    </QueryClientProvider>,
  );
}

/** A fake API holding person 7's skills; `refuse` makes the next write fail with a 403. */
function serve(start: PersonSkill[]) {
  const state = { skills: start, refuse: false };
  const fetchMock = mockFetch((raw, init) => {
    const url = new URL(raw, 'http://localhost');
    if (url.pathname === '/api/skills') return jsonResponse(tags);
    if (init.method && state.refuse) return problem(403, 'forbidden', 'Your account is not allowed to do this.');
    if (init.method === 'PUT') {
      const body = JSON.parse(init.body as string) as { skill: number; kind: string; level: string };
      const tag = tags.find((t) => t.id === body.skill)!;
      const row = { ...body, name: tag.name, category: tag.category };
      state.skills = [...state.skills.filter((s) => s.skill !== body.skill), row];
      return jsonResponse(state.skills);
    }
    if (init.method === 'DELETE') {
      state.skills = state.skills.filter((s) => url.pathname !== `/api/people/7/skills/${s.skill}`);
      return new Response(null, { status: 204 });
    }
    return jsonResponse(state.skills);
  });
  return { state, fetchMock };
}

function bodies(fetchMock: ReturnType<typeof mockFetch>, method: string) {
  return fetchCalls(fetchMock)
    .filter(([, init]) => init.method === method)
    .map(([url, init]) => (init.body ? JSON.parse(init.body as string) : url) as unknown);
}

describe('person skills', () => {
  it('adds a skill picked with the keyboard, with its kind and level', async () => {
    const { fetchMock } = serve([revit]);
    const user = userEvent.setup();
    renderSkills(makeMe({ role: 'manager' }));
    expect(await screen.findByRole('heading', { name: 'Strengths (1)' })).toBeInTheDocument();
    const input = await screen.findByRole('combobox', { name: 'Add a skill' });
    await user.type(input, 'soft');
    const list = screen.getByRole('listbox');
    // Revit is held already, so only AutoCAD matches "soft".
    expect(within(list).getAllByRole('option').map((option) => option.textContent)).toEqual(['AutoCAD · Software']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(input).toHaveValue('AutoCAD');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Learning');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), 'Beginner');
    await user.click(screen.getByRole('button', { name: 'Add' }));

    const learning = await screen.findByRole('table', { name: 'Learning (1)' });
    expect(within(learning).getByTestId('person-skill-AutoCAD')).toBeInTheDocument();
    expect(bodies(fetchMock, 'PUT')).toEqual([{ skill: 3, kind: 'learning', level: 'beginner' }]);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Add a skill' })).toHaveFocus());
    expect(screen.getByRole('combobox', { name: 'Add a skill' })).toHaveValue('');
  });

  it('asks for a skill from the list before adding', async () => {
    const { fetchMock } = serve([]);
    const user = userEvent.setup();
    renderSkills(makeMe({ role: 'admin' }));
    expect(await screen.findByText(/No skills recorded yet/)).toBeInTheDocument();
    await user.type(await screen.findByRole('combobox', { name: 'Add a skill' }), 'Knitting');
    expect(screen.getByText(/No skill matches “Knitting”/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('Choose a skill from the list.')).toHaveClass('field__error');
    expect(bodies(fetchMock, 'PUT')).toEqual([]);
  });

  it('changes a level in place, and a kind (the row moves, focus follows it)', async () => {
    const { fetchMock } = serve([revit]);
    const user = userEvent.setup();
    renderSkills(makeMe({ role: 'manager' }));
    const level = await screen.findByRole('combobox', { name: 'Level of Revit' });
    expect(level).toHaveDisplayValue('Advanced');
    await user.selectOptions(level, 'Expert');
    expect(level).toHaveDisplayValue('Expert');
    await waitFor(() => expect(bodies(fetchMock, 'PUT')).toEqual([{ skill: 1, kind: 'strength', level: 'expert' }]));
    expect(level).toHaveFocus();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of Revit' }), 'Development');
    const developing = await screen.findByRole('table', { name: 'Developing (1)' });
    expect(within(developing).getByRole('combobox', { name: 'Kind of Revit' })).toHaveFocus();
    expect(screen.queryByRole('table', { name: 'Strengths (1)' })).not.toBeInTheDocument();
    await waitFor(() => expect(bodies(fetchMock, 'PUT')).toHaveLength(2));
    expect(bodies(fetchMock, 'PUT')[1]).toEqual({ skill: 1, kind: 'development', level: 'expert' });
  });

  it('removes a skill, and puts it back with the server’s words when refused', async () => {
    const { state, fetchMock } = serve([revit]);
    const user = userEvent.setup();
    renderSkills(makeMe({ role: 'manager' }));
    state.refuse = true;
    await user.click(await screen.findByRole('button', { name: 'Remove Revit' }));
    expect(await screen.findByText('Your account is not allowed to do this.')).toBeInTheDocument();
    expect(await screen.findByTestId('person-skill-Revit')).toBeInTheDocument();

    state.refuse = false;
    await user.click(screen.getByRole('button', { name: 'Remove Revit' }));
    expect(await screen.findByText('Removed Revit.')).toBeInTheDocument();
    expect(screen.queryByTestId('person-skill-Revit')).not.toBeInTheDocument();
    expect(screen.getByText(/No skills recorded yet/)).toBeInTheDocument();
    expect(bodies(fetchMock, 'DELETE')).toEqual(['/api/people/7/skills/1', '/api/people/7/skills/1']);
  });

  it('shows plain users the skills with levels in words, and no controls', async () => {
    const { fetchMock } = serve([revit, { skill: 2, name: 'Bridge design', category: 'Structures', kind: 'development', level: 'beginner' }]);
    renderSkills(makeMe({ role: 'user' }));
    expect(await screen.findByTestId('person-skill-Revit')).toHaveTextContent('Revit · Software●●●○ Advanced');
    expect(screen.getByRole('heading', { name: 'Developing (1)' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(fetchCalls(fetchMock).map(([url]) => url)).toEqual(['/api/people/7/skills']);
  });
});
