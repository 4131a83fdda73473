// Tests for /roles: the table with the search from the URL, adding a role (a taken name
// shown at the field), a refused deactivation in words, editing with If-Match, and
// read-only for people without write rights.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { listPage, makeMe, makeRole, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

const admin = makeMe({ role: 'admin' });
const engineer = makeRole({ id: 1, name: 'Engineer', description: 'Designs things', version: 5 });
const planner = makeRole({ id: 2, name: 'Planner', isActive: false });

describe('roles page', () => {
  it('lists roles with the search from the URL', async () => {
    const fetchMock = mockFetch(() => jsonResponse(listPage([engineer, planner], 100)));
    renderRoute('/roles?q=er', { session: admin });
    const row = await screen.findByTestId('role-Planner');
    expect(fetchCalls(fetchMock)[0]?.[0]).toBe('/api/roles?page=1&pageSize=100&search=er');
    expect(row).toHaveTextContent('Inactive');
    expect(within(row).getByRole('button', { name: 'Reactivate' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search roles' })).toHaveValue('er');
  });

  it('adds a role, showing a taken name next to the name field', async () => {
    const roles = [engineer];
    let attempts = 0;
    const fetchMock = mockFetch((_url, init) => {
      if (init.method !== 'POST') return jsonResponse(listPage(roles, 100));
      attempts += 1;
      if (attempts === 1) {
        return problem(409, 'name_taken', 'Another role has this name.', {
          errors: [{ field: 'name', code: 'name_taken', message: 'Another role has this name.' }],
        });
      }
      const created = makeRole({ id: 3, name: 'Surveyor' });
      roles.push(created);
      return jsonResponse(created, 201);
    });
    const user = userEvent.setup();
    renderRoute('/roles', { session: admin });
    const form = await screen.findByRole('form', { name: 'Add a role' });
    const name = within(form).getByLabelText('New role');
    await user.type(name, 'Engineer');
    await user.click(within(form).getByRole('button', { name: 'Add role' }));
    expect(await within(form).findByText('Another role has this name.')).toHaveClass('field__error');
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await user.clear(name);
    await user.type(name, 'Surveyor');
    await user.click(within(form).getByRole('button', { name: 'Add role' }));
    expect(await screen.findByText('Added the role Surveyor.')).toBeInTheDocument();
    expect(await screen.findByTestId('role-Surveyor')).toBeInTheDocument();
    expect(name).toHaveValue('');
    const posts = fetchCalls(fetchMock).filter(([, init]) => init.method === 'POST');
    expect(JSON.parse(posts[1]?.[1].body as string)).toEqual({ name: 'Surveyor', description: '' });
  });

  it('says why a role people hold cannot be deactivated', async () => {
    mockFetch((_url, init) =>
      init.method === 'PATCH'
        ? problem(409, 'role_in_use', 'Active people hold this role. Give them another role first.')
        : jsonResponse(listPage([engineer], 100)),
    );
    const user = userEvent.setup();
    renderRoute('/roles', { session: admin });
    await user.click(within(await screen.findByTestId('role-Engineer')).getByRole('button', { name: 'Deactivate' }));
    expect(await screen.findByText('Active people hold this role. Give them another role first.')).toBeInTheDocument();
  });

  it('edits a role in a dialog with If-Match', async () => {
    const fetchMock = mockFetch((_url, init) =>
      init.method === 'PATCH'
        ? jsonResponse({ ...engineer, name: 'Design engineer', version: 6 })
        : jsonResponse(listPage([engineer], 100)),
    );
    const user = userEvent.setup();
    renderRoute('/roles', { session: admin });
    await user.click(within(await screen.findByTestId('role-Engineer')).getByRole('button', { name: 'Edit…' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Engineer' });
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Design engineer');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved Design engineer.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [, init] = fetchCalls(fetchMock).find(([, call]) => call.method === 'PATCH') ?? [];
    expect(new Headers(init?.headers).get('If-Match')).toBe('"5"');
    expect(JSON.parse(init?.body as string)).toEqual({ name: 'Design engineer' });
  });

  it('shows people without write rights the roles but no way to change them', async () => {
    mockFetch(() => jsonResponse(listPage([engineer, planner], 100)));
    renderRoute('/roles', { session: makeMe({ role: 'user' }) });
    expect(await screen.findByTestId('role-Engineer')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a role' })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
    expect(screen.queryAllByRole('button', { name: /Edit|Deactivate|Reactivate|Delete/ })).toEqual([]);
  });

  it('shows the reference-data links in the navigation once signed in', async () => {
    mockFetch(() => jsonResponse(listPage([], 100)));
    renderRoute('/roles', { session: makeMe() });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const group = within(nav).getByRole('list', { name: 'Reference data' });
    expect(within(group).getAllByRole('link').map((link) => link.textContent)).toEqual(['Departments', 'Roles', 'Skills']);
    expect(within(group).getByRole('link', { name: 'Roles' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText(/No roles yet\. Managers and administrators can add them\./)).toBeInTheDocument();
  });
});
