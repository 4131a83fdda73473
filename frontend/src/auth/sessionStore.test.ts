// The token store must keep tokens in memory only: never localStorage or sessionStorage.
import { describe, expect, it, vi } from 'vitest';
import { restoreSession, signIn, signOut } from '../api/auth';
import { makeMe, tokens } from '../test/fixtures';
import { jsonResponse, mockFetch } from '../test/render';
import { clearSession, getAccessToken, getSession, storeTokens } from './sessionStore';

describe('session store', () => {
  it('stores and clears tokens without touching web storage', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    storeTokens({ ...tokens('eyJaccess'), refresh: 'eyJrefresh' });
    expect(getAccessToken()).toBe('eyJaccess');
    expect(getSession()).toEqual({ status: 'signedIn', user: makeMe() });
    clearSession();
    expect(getAccessToken()).toBeNull();
    expect(setItem).not.toHaveBeenCalled();
    expect(window.localStorage).toHaveLength(0);
    expect(window.sessionStorage).toHaveLength(0);
  });

  it('signs in, restores and signs out writing nothing but the theme to storage', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const dark = makeMe({ settings: { theme: 'dark', defaultDepartment: null } });
    mockFetch((url) => {
      if (url === '/api/token/logout') return new Response(null, { status: 204 });
      return jsonResponse({ ...tokens('eyJsecret', dark), refresh: 'eyJrefresh' });
    });

    await signIn('alice', 'correct horse battery');
    await restoreSession();
    expect(getAccessToken()).toBe('eyJsecret');
    await signOut();

    expect(getSession()).toEqual({ status: 'signedOut', expired: false });
    for (const [key, value] of setItem.mock.calls) {
      expect(key).toBe('wt.theme');
      expect(value).not.toMatch(/eyJ/);
    }
    expect(Object.keys(window.localStorage)).toEqual(['wt.theme']);
    expect(window.sessionStorage).toHaveLength(0);
  });
});
