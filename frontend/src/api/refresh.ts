// Renewing the access token with POST /api/token/refresh. Concurrent callers share one
// in-flight refresh. In cookie mode the HttpOnly refresh cookie goes along by itself;
// otherwise the in-memory refresh token is sent in the body.
import { cookieRefreshAuth } from '../config';
import { getRefreshToken, storeTokens } from '../auth/sessionStore';
import { ApiError } from './errors';
import { api, read } from './http';
import { knownTokens, type TokenResponse } from './types';

/** Header the token endpoints require (a cross-site form cannot set it). */
export const CSRF_HEADER = { 'X-Requested-With': 'XMLHttpRequest' } as const;

/** The refresh-token part of a token-endpoint body: empty in cookie mode. */
export function refreshBody(): { refresh?: string } {
  const refresh = cookieRefreshAuth ? null : getRefreshToken();
  return refresh ? { refresh } : {};
}

let inFlight: Promise<TokenResponse | null> | null = null;

/**
 * Gets a new access token and stores it. Resolves with the token response, or null when
 * the server refuses (no, expired or revoked refresh token); rejects with ApiError when
 * it could not answer (network, 5xx), so a blip does not sign anyone out.
 */
export function refreshSession(): Promise<TokenResponse | null> {
  inFlight ??= requestRefresh().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function requestRefresh(): Promise<TokenResponse | null> {
  if (!cookieRefreshAuth && !getRefreshToken()) return null;
  try {
    const tokens = knownTokens(await read(api.POST('/api/token/refresh', { params: { header: CSRF_HEADER }, body: refreshBody() })));
    storeTokens(tokens);
    return tokens;
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) return null;
    throw error;
  }
}
