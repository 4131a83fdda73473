// Tests for the admin area: hidden from non-admins, /admin opening the Users tab with
// the department filter kept, the user list and its row actions, the new-user form, and
// the audit log as sentences.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe, makeUser, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

const admin = makeMe({ id: 1, username: 'alice', role: 'admin' });
const bob = makeUser({ id: 2, username: 'bob' });
const page = (items: unknown[]) => ({ items, page: 1, pageSize: 100, total: items.length });

describe('admin area', () => {
  it('tells non-admins they need admin rights and offers no Admin links', async () => {
    const fetchMock = mockFetch(() => jsonResponse({}));
    const user = userEvent.setup();
    renderRoute('/admin/users', { session: makeMe({ role: 'manager' }) });
    expect(screen.getByRole('heading', { level: 1, name: 'You need admin rights' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /alice/ }));
    expect(screen.queryByRole('menuitem', { name: 'Admin' })).not.toBeInTheDocument();
    expect(fetchCalls(fetchMock).map(([url]) => url)).not.toContain('/api/users?page=1&pageSize=100');
  });

  it('opens on the Users tab with the department filter kept, and so do the tabs', async () => {
    mockFetch(() => jsonResponse(page([])));
    const { router } = renderRoute('/admin?department=2&sub=0', { session: admin });
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/users'));
    expect(router.state.location.search).toBe('?department=2&sub=0');
    const tabs = await screen.findByRole('navigation', { name: 'Admin sections' });
    expect(within(tabs).getByRole('link', { name: 'Audit log' })).toHaveAttribute('href', '/admin/audit?department=2&sub=0');
  });

  it('lists users with the filters from the URL and changes a role', async () => {
    const fetchMock = mockFetch((url, init) => {
      if (init.method === 'PATCH') return jsonResponse({ ...bob, role: 'manager' });
      return jsonResponse(url.startsWith('/api/users') ? page([makeUser({ ...admin, lastLoginAt: null }), bob]) : page([]));
    });
    const user = userEvent.setup();
    renderRoute('/admin/users?search=bo&role=user', { session: admin });
    const row = await screen.findByTestId('user-bob');
    expect(fetchCalls(fetchMock)[0]?.[0]).toBe('/api/users?page=1&pageSize=100&search=bo&role=user');
    expect(within(screen.getByTestId('user-alice')).getByRole('combobox')).toBeDisabled();

    await user.selectOptions(within(row).getByRole('combobox', { name: 'Role of bob' }), 'manager');
    expect(await screen.findByText('bob is now a manager.')).toBeInTheDocument();
    const patch = fetchCalls(fetchMock).find(([, init]) => init.method === 'PATCH');
    expect(patch?.[0]).toBe('/api/users/2');
    expect(JSON.parse(patch?.[1].body as string)).toEqual({ role: 'manager' });
  });

  it('sends a reset link and sets a password through the dialog', async () => {
    const fetchMock = mockFetch((url) => {
      if (url.endsWith('/password-reset')) return jsonResponse({ jobId: 'j1', state: 'queued', statusUrl: '/api/jobs/j1' }, 202);
      if (url.endsWith('/password')) {
        return problem(400, 'weak_password', 'Choose a stronger password.', {
          errors: [{ field: 'password', code: 'password_too_common', message: 'This password is too common.' }],
        });
      }
      return jsonResponse(page([bob]));
    });
    const user = userEvent.setup();
    renderRoute('/admin/users', { session: admin });
    const row = await screen.findByTestId('user-bob');

    await user.click(within(row).getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText('Reset link sent to bob@example.com.')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Set password…' }));
    const dialog = screen.getByRole('dialog', { name: 'Set a password for bob' });
    await user.type(within(dialog).getByLabelText('New password'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(within(dialog).getByText('Use at least 10 characters.')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('New password'));
    await user.type(within(dialog).getByLabelText('New password'), 'password1234');
    await user.type(within(dialog).getByLabelText('Repeat the new password'), 'password1234');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await within(dialog).findByText('This password is too common.')).toBeInTheDocument();
    expect(fetchCalls(fetchMock).filter(([url]) => url === '/api/users/2/password')).toHaveLength(1);
  });

  it('creates a user by invitation and shows a taken username inline', async () => {
    let attempts = 0;
    mockFetch((_url, init) => {
      if (init.method !== 'POST') return jsonResponse(page([]));
      attempts += 1;
      return attempts === 1
        ? problem(409, 'username_taken', 'That username is already taken.')
        : jsonResponse(makeUser({ id: 3, username: 'carol', email: 'carol@example.com' }), 201);
    });
    const user = userEvent.setup();
    renderRoute('/admin/users', { session: admin });
    await user.click(await screen.findByRole('button', { name: 'New user' }));
    const form = screen.getByRole('form', { name: 'New user' });
    await user.type(within(form).getByLabelText('Username'), 'carol');
    await user.type(within(form).getByLabelText('Email'), 'carol@example.com');
    await user.click(within(form).getByRole('button', { name: 'Create and send invitation' }));
    expect(await within(form).findByText('That username is already taken.')).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Create and send invitation' }));
    expect(await screen.findByText('Invitation sent to carol@example.com.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New user' })).not.toBeInTheDocument());
  });

  it('shows the audit log as sentences', async () => {
    mockFetch(() =>
      jsonResponse({
        items: [
          {
            id: 7,
            actor: { id: 1, username: 'alice' },
            action: 'role_changed',
            target: { type: 'user', id: 2, label: 'bob' },
            details: { from: 'user', to: 'manager' },
            createdAt: '2025-03-01T12:00:00Z',
          },
        ],
        page: 1,
        pageSize: 50,
        total: 1,
      }),
    );
    renderRoute('/admin/audit', { session: admin });
    const list = await screen.findByTestId('audit-list');
    expect(list).toHaveTextContent("alice changed bob's role from user to manager");
    expect(screen.getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
  });
  it('links a user to the person they are, found by name', async () => {
    const ada = { id: 7, name: 'Ada Lovelace', email: null, departmentName: 'Engineering' };
    const fetchMock = mockFetch((url, init) => {
      if (init.method === 'PATCH') return jsonResponse({ ...bob, person: 7 });
      if (url.startsWith('/api/people?')) return jsonResponse(page([ada]));
      if (url === '/api/people/7') return jsonResponse(ada);
      return jsonResponse(page([bob]));
    });
    const user = userEvent.setup();
    renderRoute('/admin/users', { session: admin });
    const row = await screen.findByTestId('user-bob');
    await user.click(within(row).getByRole('button', { name: 'Link…' }));
    await user.type(within(row).getByRole('textbox', { name: 'Find the person bob is' }), 'Ada');
    await user.click(await within(row).findByRole('button', { name: /Ada Lovelace/ }));
    expect(await screen.findByText('bob is linked to their person.')).toBeInTheDocument();
    const patch = fetchCalls(fetchMock).find(([, init]) => init.method === 'PATCH');
    expect(JSON.parse(patch?.[1].body as string)).toEqual({ person: 7 });
  });
});
