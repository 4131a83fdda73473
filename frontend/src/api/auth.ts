// The signed-in user's own endpoints: sign in and out, restoring a session on start,
// /auth/me and its settings, changing and resetting a password.
import { cookieRefreshAuth } from '../config';
import { clearSession, markRestoring, storeTokens } from '../auth/sessionStore';
import { saveThemePreference } from '../theme/theme';
import { api, read } from './http';
import { CSRF_HEADER, refreshBody, refreshSession } from './refresh';
import { knownMe, knownTokens, type Me, type ThemeSetting } from './types';

/** Signs in; the server's theme choice then applies on this device. */
export async function signIn(username: string, password: string): Promise<Me> {
  const tokens = knownTokens(await read(api.POST('/api/token', { body: { username, password } })));
  storeTokens(tokens);
  saveThemePreference(tokens.user.settings.theme);
  return tokens.user;
}

/**
 * On app start: a silent refresh (cookie mode) decides whether someone is signed in.
 * Without cookie refresh nothing survives a reload, so the answer is "signed out".
 */
export async function restoreSession(): Promise<void> {
  if (!cookieRefreshAuth) {
    clearSession();
    return;
  }
  markRestoring();
  try {
    const tokens = await refreshSession();
    if (tokens) saveThemePreference(tokens.user.settings.theme);
    else clearSession();
  } catch {
    clearSession(); // server unreachable: the sign-in page explains when they try
  }
}

/** Ends the session on the server (best effort) and forgets every token here. */
export async function signOut(): Promise<void> {
  try {
    await read(api.POST('/api/token/logout', { params: { header: CSRF_HEADER }, body: refreshBody() }));
  } catch {
    // Signed out locally either way; the refresh token expires on its own.
  } finally {
    clearSession();
  }
}

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  return knownMe(await read(api.GET('/api/auth/me', { signal: signal ?? null })));
}

export async function saveSettings(settings: { theme?: ThemeSetting; defaultDepartment?: number | null }): Promise<Me> {
  return knownMe(await read(api.PATCH('/api/auth/me/settings', { body: settings })));
}

/** Changes the password; the server ends older sessions and this one continues. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const tokens = knownTokens(await read(api.POST('/api/auth/change-password', { body: { currentPassword, newPassword } })));
  storeTokens(tokens);
}

export function requestPasswordReset(email: string): Promise<void> {
  return read(api.POST('/api/auth/password-reset', { body: { email } }));
}

export function confirmPasswordReset(token: string, newPassword: string): Promise<void> {
  return read(api.POST('/api/auth/password-reset/confirm', { body: { token, newPassword } }));
}
