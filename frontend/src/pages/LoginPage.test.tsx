// Tests for signing in: the guard's redirect with `next`, the server's words for a
// refusal, the wait after too many attempts, and landing on `next` afterwards.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe, problem, tokens } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

async function fillAndSubmit(username = 'alice', password = 'not-the-password') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), `${password}{Enter}`);
}

describe('sign-in', () => {
  it('sends signed-out visitors to /login with the page they wanted as next', async () => {
    mockFetch(() => jsonResponse({}));
    const { router } = renderRoute('/profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fprofile');
  });

  it('shows a loading state, not a blank page, while the session is being restored', () => {
    renderRoute('/profile', { session: 'restoring' });
    expect(screen.getByTestId('session-loading')).toHaveTextContent('Checking your sign-in');
  });

  it('shows the server’s explanation for wrong credentials', async () => {
    mockFetch(() => problem(401, 'invalid_credentials', 'Wrong username or password.'));
    renderRoute('/login');
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(screen.getByRole('alert')).not.toHaveTextContent(/401|invalid_credentials|\{/);
  });

  it('says how long to wait after too many attempts', async () => {
    mockFetch(() =>
      problem(429, 'too_many_attempts', 'Too many attempts.', { headers: { 'Retry-After': '120' } }),
    );
    renderRoute('/login');
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many sign-in attempts. Wait 2 minutes, then try again.',
    );
  });

  it('signs in with Enter and lands on the next page', async () => {
    const fetchMock = mockFetch((url) =>
      url === '/api/token' ? jsonResponse(tokens('eyJaccess', makeMe())) : jsonResponse(makeMe()),
    );
    const { router } = renderRoute('/login?next=%2Fprofile');
    await fillAndSubmit('alice', 'correct horse battery');
    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile');
    const [, init] = fetchCalls(fetchMock)[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ username: 'alice', password: 'correct horse battery' });
  });

  it('ignores a next that points off the site', async () => {
    mockFetch(() => jsonResponse(tokens('eyJaccess', makeMe())));
    const { router } = renderRoute('/login?next=%2F%2Fevil.example%2F');
    await fillAndSubmit('alice', 'correct horse battery');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('sends the user to /login?next=... when the session cannot be renewed', async () => {
    mockFetch((url) =>
      url === '/api/token/refresh'
        ? problem(401, 'refresh_invalid', 'Your session has ended.')
        : problem(401, 'token_expired', 'Expired.'),
    );
    const { router } = renderRoute('/profile', { session: makeMe() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Fprofile');
    expect(screen.getByRole('status')).toHaveTextContent('Your session ended. Sign in again to continue.');
  });

  it('signs out from the account menu', async () => {
    const fetchMock = mockFetch((url) =>
      url === '/api/token/logout' ? new Response(null, { status: 204 }) : jsonResponse(makeMe()),
    );
    const user = userEvent.setup();
    const { router } = renderRoute('/profile', { session: makeMe() });
    await user.click(screen.getByRole('button', { name: /alice/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    const logout = fetchCalls(fetchMock).find(([url]) => url === '/api/token/logout');
    expect(new Headers(logout?.[1].headers).get('X-Requested-With')).toBe('XMLHttpRequest');
  });
});
