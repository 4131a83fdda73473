// Tests for /skills: the table with the search and category from the URL, adding a skill
// (a taken name shown at the field), a refused delete in the server's words, a delete,
// editing with If-Match, and read-only for people without write rights.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Skill } from '../api/skills';
import { listPage, makeMe, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

const admin = makeMe({ role: 'admin' });
const revit = { id: 1, name: 'Revit', category: 'Software', version: 4 };
const autocad = { id: 2, name: 'AutoCAD', category: 'Software', version: 1 };
const bridges = { id: 3, name: 'Bridge design', category: 'Structures', version: 1 };
const negotiation = { id: 4, name: 'Negotiation', category: '', version: 1 };

type Answer = (url: URL, init: RequestInit) => Response | undefined;

/** Serves GET /api/skills from `skills` (read at each call); `write` answers the rest. */
function serveSkills(skills: () => Skill[], write: Answer = () => undefined) {
  return mockFetch((raw, init) => {
    const url = new URL(raw, 'http://localhost');
    const answer = write(url, init);
    if (answer) return answer;
    if (url.pathname === '/api/skills' && !init.method) return jsonResponse(skills());
    return jsonResponse(listPage([]));
  });
}

function writes(fetchMock: ReturnType<typeof mockFetch>, method: string) {
  return fetchCalls(fetchMock).filter(([, init]) => init.method === method);
}

describe('skills page', () => {
  it('lists skills filtered by the search and category from the URL', async () => {
    serveSkills(() => [autocad, revit, bridges, negotiation]);
    renderRoute('/skills?q=cad&category=Software', { session: admin });
    expect(await screen.findByTestId('skill-AutoCAD')).toHaveTextContent('Software');
    expect(screen.queryByTestId('skill-Revit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('skill-Bridge design')).not.toBeInTheDocument();
    expect(screen.getByText('1 of 4 skills')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search skills' })).toHaveValue('cad');
    expect(screen.getByRole('combobox', { name: 'Category' })).toHaveDisplayValue('Software');
  });

  it('filters by category, including the skills without one, in the URL', async () => {
    serveSkills(() => [revit, bridges, negotiation]);
    const user = userEvent.setup();
    const { router } = renderRoute('/skills', { session: admin });
    await screen.findByTestId('skill-Revit');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'No category');
    expect(screen.getByTestId('skill-Negotiation')).toHaveTextContent('No category');
    expect(screen.queryByTestId('skill-Revit')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('?category=');
  });

  it('adds a skill, showing a taken name next to the name field', async () => {
    const skills = [revit];
    let attempts = 0;
    const fetchMock = serveSkills(
      () => skills,
      (url, init) => {
        if (url.pathname !== '/api/skills' || init.method !== 'POST') return undefined;
        attempts += 1;
        if (attempts === 1) {
          return problem(409, 'name_taken', 'Another skill has this name.', {
            errors: [{ field: 'name', code: 'name_taken', message: 'Another skill has this name.' }],
          });
        }
        skills.push(bridges);
        return jsonResponse(bridges, 201);
      },
    );
    const user = userEvent.setup();
    renderRoute('/skills', { session: admin });
    const form = await screen.findByRole('form', { name: 'Add a skill' });
    const name = within(form).getByLabelText('New skill');
    await user.type(name, 'revit');
    await user.click(within(form).getByRole('button', { name: 'Add skill' }));
    expect(await within(form).findByText('Another skill has this name.')).toHaveClass('field__error');
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await user.clear(name);
    await user.type(name, 'Bridge design');
    await user.type(within(form).getByLabelText('Category (optional)'), ' Structures ');
    await user.click(within(form).getByRole('button', { name: 'Add skill' }));
    expect(await screen.findByText('Added the skill Bridge design.')).toBeInTheDocument();
    expect(await screen.findByTestId('skill-Bridge design')).toBeInTheDocument();
    expect(name).toHaveValue('');
    expect(JSON.parse(writes(fetchMock, 'POST')[1]?.[1].body as string)).toEqual({ name: 'Bridge design', category: 'Structures' });
  });

  it('shows the server’s words when it refuses a delete, and deletes after confirming', async () => {
    let skills = [revit, autocad];
    let refuse = true;
    const fetchMock = serveSkills(
      () => skills,
      (url, init) => {
        if (init.method !== 'DELETE') return undefined;
        if (refuse) return problem(409, 'skill_in_use', '2 people have this skill. Take it off their profiles first.');
        skills = skills.filter((skill) => `/api/skills/${skill.id}` !== url.pathname);
        return new Response(null, { status: 204 });
      },
    );
    const user = userEvent.setup();
    renderRoute('/skills', { session: admin });
    await user.click(within(await screen.findByTestId('skill-Revit')).getByRole('button', { name: 'Delete Revit' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Revit?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete skill' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('2 people have this skill. Take it off their profiles first.');

    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Delete skill' }));
    expect(await screen.findByText('Deleted Revit.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('skill-Revit')).not.toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(writes(fetchMock, 'DELETE').map(([url]) => url)).toEqual(['/api/skills/1', '/api/skills/1']);
  });

  it('edits a skill with If-Match and, after a 412, shows the newer version', async () => {
    let current = revit;
    const fetchMock = serveSkills(
      () => [current],
      (_url, init) => {
        if (init.method !== 'PATCH') return undefined;
        if (current.version === 4) {
          current = { ...revit, category: 'BIM', version: 5 };
          return problem(412, 'precondition_failed', 'The skill was changed by someone else.');
        }
        current = { ...current, name: 'Revit Architecture', version: 6 };
        return jsonResponse(current);
      },
    );
    const user = userEvent.setup();
    renderRoute('/skills', { session: admin });
    await user.click(within(await screen.findByTestId('skill-Revit')).getByRole('button', { name: 'Edit Revit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Revit' });
    const name = within(dialog).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Revit Architecture');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByText(/Someone changed this meanwhile/)).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByLabelText('Category')).toHaveValue('BIM'));
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Revit');

    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Revit Architecture');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved Revit Architecture.')).toBeInTheDocument();
    const patches = writes(fetchMock, 'PATCH');
    expect(patches.map(([, init]) => new Headers(init.headers).get('If-Match'))).toEqual(['"4"', '"5"']);
    expect(JSON.parse(patches[1]?.[1].body as string)).toEqual({ name: 'Revit Architecture' });
  });

  it('shows people without write rights the skills but no way to change them', async () => {
    serveSkills(() => [revit]);
    renderRoute('/skills', { session: makeMe({ role: 'user' }) });
    expect(await screen.findByTestId('skill-Revit')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a skill' })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
    expect(screen.queryAllByRole('button', { name: /Edit|Delete/ })).toEqual([]);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Skills' })).toHaveAttribute('aria-current', 'page');
  });
});
