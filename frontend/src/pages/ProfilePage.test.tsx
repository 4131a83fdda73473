// Tests for the profile: account details, the theme saved to the account, and the
// password change with the server's field messages.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getAccessToken } from '../auth/sessionStore';
import { makeMe, problem, tokens } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

const me = makeMe();

describe('profile', () => {
  it('saves the theme to the account and applies it here', async () => {
    const fetchMock = mockFetch((_url, init) =>
      jsonResponse(init.method === 'PATCH' ? makeMe({ settings: { theme: 'dark', defaultDepartment: null } }) : me),
    );
    const user = userEvent.setup();
    renderRoute('/profile', { session: me });
    expect(await screen.findByText('alice@example.com')).toBeInTheDocument();

    const appearance = screen.getByTestId('appearance');
    await user.click(within(appearance).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(await within(appearance).findByText('Saved to your account.')).toBeInTheDocument();
    const patch = fetchCalls(fetchMock).find(([, init]) => init.method === 'PATCH');
    expect(patch?.[0]).toBe('/api/auth/me/settings');
    expect(JSON.parse(patch?.[1].body as string)).toEqual({ theme: 'dark' });
  });

  it('shows a wrong current password next to its field, then changes the password', async () => {
    let attempts = 0;
    mockFetch((url) => {
      if (url !== '/api/auth/change-password') return jsonResponse(me);
      attempts += 1;
      return attempts === 1
        ? problem(400, 'wrong_password', 'That is not your current password.', {
            errors: [{ field: 'currentPassword', code: 'wrong_password', message: 'That is not your current password.' }],
          })
        : jsonResponse(tokens('after-change', me));
    });
    const user = userEvent.setup();
    renderRoute('/profile', { session: me });
    const form = screen.getByRole('form', { name: 'Change password' });
    await user.type(within(form).getByLabelText('Current password'), 'guess');
    await user.type(within(form).getByLabelText('New password'), 'a-much-better-one');
    await user.type(within(form).getByLabelText('Repeat the new password'), 'a-much-better-one');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByText('That is not your current password.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');

    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByText(/Password changed/)).toBeInTheDocument();
    expect(getAccessToken()).toBe('after-change');
  });
});
