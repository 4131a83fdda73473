// The signed-in session, kept in memory only: the access token (and, without cookie
// refresh, the refresh token) live in module variables that apiFetch reads; React reads
// the public part (status and user) through subscribe/getSession. Nothing here is ever
// written to localStorage or sessionStorage, so a reload starts from "restoring".
import type { Me, TokenResponse } from '../api/types';

export type Session =
  | { status: 'restoring' }
  | { status: 'signedIn'; user: Me }
  | { status: 'signedOut'; expired: boolean };

let session: Session = { status: 'restoring' };
let accessToken: string | null = null;
let refreshToken: string | null = null;
const listeners = new Set<() => void>();

function publish(next: Session): void {
  session = next;
  for (const listener of listeners) listener();
}

export function getSession(): Session {
  return session;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getAccessToken(): string | null {
  return accessToken;
}

/** The refresh token held in memory (non-cookie mode only; null in cookie mode). */
export function getRefreshToken(): string | null {
  return refreshToken;
}

/** Stores a token response (sign-in, refresh, password change) and marks the user signed in. */
export function storeTokens(tokens: TokenResponse): void {
  accessToken = tokens.access;
  if (tokens.refresh) refreshToken = tokens.refresh;
  publish({ status: 'signedIn', user: tokens.user });
}

/** Replaces the signed-in user's details (after /auth/me or a settings change). */
export function updateUser(user: Me): void {
  if (session.status === 'signedIn') publish({ status: 'signedIn', user });
}

export function markRestoring(): void {
  publish({ status: 'restoring' });
}

/** Forgets every token. `expired` says the session ended on its own (not a sign-out). */
export function clearSession(expired = false): void {
  accessToken = null;
  refreshToken = null;
  publish({ status: 'signedOut', expired });
}
