// The signed-in user's own endpoints: sign in and out, restoring a session on start,
// /auth/me and its settings, changing and resetting a password.
import { cookieRefreshAuth } from '../config';
import { clearSession, markRestoring, storeTokens } from '../auth/sessionStore';
import { saveThemePreference } from '../theme/theme';
import { apiFetch } from './client';
import { CSRF_HEADER, refreshBody, refreshSession } from './refresh';
import type { Me, ThemeSetting, TokenResponse } from './types';

/** Signs in; the server's theme choice then applies on this device. */
export async function signIn(username: string, password: string): Promise<Me> {
  const tokens = await apiFetch<TokenResponse>('/token', {
    method: 'POST',
    json: { username, password },
  });
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
    await apiFetch<void>('/token/logout', { method: 'POST', headers: CSRF_HEADER, json: refreshBody() });
  } catch {
    // Signed out locally either way; the refresh token expires on its own.
  } finally {
    clearSession();
  }
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiFetch<Me>('/auth/me', signal ? { signal } : {});
}

export function saveSettings(settings: { theme?: ThemeSetting; defaultDepartment?: number | null }): Promise<Me> {
  return apiFetch<Me>('/auth/me/settings', { method: 'PATCH', json: settings });
}

/** Changes the password; the server ends older sessions and this one continues. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const tokens = await apiFetch<TokenResponse>('/auth/change-password', {
    method: 'POST',
    json: { currentPassword, newPassword },
  });
  storeTokens(tokens);
}

export function requestPasswordReset(email: string): Promise<void> {
  return apiFetch<void>('/auth/password-reset', { method: 'POST', json: { email } });
}

export function confirmPasswordReset(token: string, newPassword: string): Promise<void> {
  return apiFetch<void>('/auth/password-reset/confirm', { method: 'POST', json: { token, newPassword } });
}
