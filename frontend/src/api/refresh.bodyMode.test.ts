// Without cookie refresh (VITE_COOKIE_REFRESH_AUTH=false) the refresh token travels in
// the JSON body and lives in memory only, so a reload (restoreSession) means signed out.
import { describe, expect, it, vi } from 'vitest';
import { getSession, storeTokens } from '../auth/sessionStore';
import { tokens } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch } from '../test/render';
import { restoreSession, signOut } from './auth';
import { refreshSession } from './refresh';

vi.mock('../config', () => ({ cookieRefreshAuth: false }));

describe('refresh without the cookie', () => {
  it('sends the in-memory refresh token in the body, also when signing out', async () => {
    storeTokens({ ...tokens('a1'), refresh: 'r1' });
    const fetchMock = mockFetch((url) =>
      url === '/api/token/logout' ? new Response(null, { status: 204 }) : jsonResponse({ ...tokens('a2'), refresh: 'r2' }),
    );
    await refreshSession();
    await signOut();
    const [[, refresh], [, logout]] = fetchCalls(fetchMock) as [[string, RequestInit], [string, RequestInit]];
    expect(JSON.parse(refresh.body as string)).toEqual({ refresh: 'r1' });
    expect(JSON.parse(logout.body as string)).toEqual({ refresh: 'r2' });
  });

  it('starts signed out after a reload without asking the server', async () => {
    const fetchMock = mockFetch(() => jsonResponse({}));
    await restoreSession();
    expect(getSession()).toEqual({ status: 'signedOut', expired: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
