// Tests for the typed client's session handling: bearer token, one coalesced refresh on 401
// with a retry, and ending the session when the refresh is refused.
import { describe, expect, it } from 'vitest';
import { getAccessToken, getSession, storeTokens } from '../auth/sessionStore';
import { makeMe, problem, tokens } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch } from '../test/render';
import { restoreSession } from './auth';
import { api, read } from './http';

const bearer = (init: RequestInit) => new Headers(init.headers).get('Authorization');

describe('the API client with a session', () => {
  it('sends the access token as a bearer token', async () => {
    storeTokens(tokens('access-1'));
    const fetchMock = mockFetch(() => jsonResponse({ ok: true }));
    await read(api.GET('/api/skills'));
    const [[, init]] = fetchCalls(fetchMock) as [[string, RequestInit]];
    expect(bearer(init)).toBe('Bearer access-1');
    expect(init.credentials).toBe('same-origin');
  });

  it('refreshes once for two concurrent 401s and retries both with the new token', async () => {
    storeTokens(tokens('old'));
    let releaseRefresh: () => void = () => undefined;
    const refreshDone = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const fetchMock = mockFetch(async (url, init) => {
      if (url === '/api/token/refresh') {
        await refreshDone;
        return jsonResponse(tokens('new'));
      }
      return bearer(init) === 'Bearer new' ? jsonResponse({ url }) : problem(401, 'token_expired', 'Expired.');
    });

    const first = read(api.GET('/api/skills'));
    const second = read(api.GET('/api/utilization/bands'));
    await new Promise((resolve) => setTimeout(resolve, 0)); // both 401s arrive
    releaseRefresh();

    await expect(first).resolves.toEqual({ url: '/api/skills' });
    await expect(second).resolves.toEqual({ url: '/api/utilization/bands' });
    const calls = fetchCalls(fetchMock);
    const refreshes = calls.filter(([url]) => url === '/api/token/refresh');
    expect(refreshes).toHaveLength(1);
    const [, refreshInit] = refreshes[0] as [string, RequestInit];
    expect(refreshInit.method).toBe('POST');
    expect(new Headers(refreshInit.headers).get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(refreshInit.credentials).toBe('same-origin');
    expect(refreshInit.body).toBe('{}'); // cookie mode: the refresh token is the cookie
    expect(calls).toHaveLength(5); // 2 failed + 1 refresh + 2 retries
    expect(getAccessToken()).toBe('new');
  });

  it('ends the session when the refresh is refused', async () => {
    storeTokens(tokens('old', makeMe()));
    const fetchMock = mockFetch((url) =>
      url === '/api/token/refresh'
        ? problem(401, 'refresh_invalid', 'Your session has ended.')
        : problem(401, 'token_expired', 'Expired.'),
    );
    await expect(read(api.GET('/api/skills'))).rejects.toMatchObject({ status: 401 });
    expect(fetchCalls(fetchMock).map(([url]) => url)).toEqual(['/api/skills', '/api/token/refresh']);
    expect(getSession()).toEqual({ status: 'signedOut', expired: true });
    expect(getAccessToken()).toBeNull();
  });

  it('keeps the session when the server cannot be reached during refresh', async () => {
    storeTokens(tokens('old'));
    mockFetch((url) => {
      if (url === '/api/token/refresh') throw new TypeError('Failed to fetch');
      return problem(401, 'token_expired', 'Expired.');
    });
    await expect(read(api.GET('/api/skills'))).rejects.toMatchObject({ status: 0, code: 'network_error' });
    expect(getSession().status).toBe('signedIn');
  });

  it('never refreshes for the token endpoints themselves', async () => {
    const fetchMock = mockFetch(() => problem(401, 'invalid_credentials', 'Wrong username or password.'));
    await expect(read(api.POST('/api/token', { body: {} }))).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('reads field errors and Retry-After from a problem', async () => {
    mockFetch(() =>
      problem(429, 'too_many_attempts', 'Too many attempts.', { headers: { 'Retry-After': '90' } }),
    );
    await expect(read(api.POST('/api/token', { body: {} }))).rejects.toMatchObject({ retryAfterSeconds: 90 });
  });

  it('restores the session on start with a silent refresh and applies the saved theme', async () => {
    const dark = makeMe({ settings: { theme: 'dark', defaultDepartment: null } });
    const fetchMock = mockFetch(() => jsonResponse(tokens('restored', dark)));
    await restoreSession();
    expect(fetchCalls(fetchMock).map(([url]) => url)).toEqual(['/api/token/refresh']);
    expect(getSession()).toEqual({ status: 'signedIn', user: dark });
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
  });

  it('treats a refused silent refresh on start as signed out, not expired', async () => {
    mockFetch(() => problem(401, 'refresh_invalid', 'No session.'));
    await restoreSession();
    expect(getSession()).toEqual({ status: 'signedOut', expired: false });
  });
});
