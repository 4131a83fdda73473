// Tests for the public password pages: forgot (same answer for any address) and reset
// (client checks, server field messages, expired links, back to sign in).
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem } from '../test/fixtures';
import { fetchCalls, mockFetch, renderRoute } from '../test/render';

async function choose(password: string, confirm = password) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Repeat the new password'), confirm);
  await user.click(screen.getByRole('button', { name: /Save new password|Set password/ }));
}

describe('password pages', () => {
  it('confirms a reset request without saying whether the account exists', async () => {
    const fetchMock = mockFetch(() => new Response(null, { status: 204 }));
    const user = userEvent.setup();
    renderRoute('/login');
    await user.click(screen.getByRole('link', { name: 'Forgot password?' }));
    await user.type(screen.getByLabelText('Email address'), 'someone@example.com{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('If an account uses that address, we’ve sent a link.');
    expect(fetchCalls(fetchMock)[0]?.[0]).toBe('/api/auth/password-reset');
  });

  it('checks length and match before asking the server', async () => {
    const fetchMock = mockFetch(() => new Response(null, { status: 204 }));
    renderRoute('/reset-password?token=abc');
    await choose('short', 'different');
    expect(screen.getByText('Use at least 10 characters.')).toBeInTheDocument();
    expect(screen.getByText('The two passwords don’t match.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the server’s password rules', async () => {
    mockFetch(() =>
      problem(400, 'weak_password', 'Choose a stronger password.', {
        errors: [{ field: 'newPassword', code: 'password_too_common', message: 'This password is too common.' }],
      }),
    );
    renderRoute('/reset-password?token=abc');
    await choose('password123');
    expect(await screen.findByText('This password is too common.')).toBeInTheDocument();
  });

  it('explains an expired link', async () => {
    mockFetch(() => problem(400, 'reset_token_invalid', 'This link has expired or was already used.'));
    renderRoute('/reset-password?token=old');
    await choose('a-good-long-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('This link has expired or was already used.');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });

  it('sets an invited user’s password and returns to sign in with a message', async () => {
    const fetchMock = mockFetch(() => new Response(null, { status: 204 }));
    const { router } = renderRoute('/reset-password?token=tok&invite=1');
    expect(screen.getByRole('heading', { level: 1, name: 'Set your password' })).toBeInTheDocument();
    await choose('a-good-long-password');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByRole('status')).toHaveTextContent('Your password is set.');
    const [, init] = fetchCalls(fetchMock)[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ token: 'tok', newPassword: 'a-good-long-password' });
  });
});
