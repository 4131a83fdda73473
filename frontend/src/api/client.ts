// apiFetch, what every API module calls: one request with the session's bearer token;
// on a 401 (outside the token endpoints) it renews the token once, shared with any
// other request doing the same, and retries. When renewal is refused the session ends
// (the route guard then sends the person to /login?next=...).
import { clearSession, getAccessToken, getSession } from '../auth/sessionStore';
import { ApiError } from './errors';
import { refreshSession } from './refresh';
import { sendRequest, type ApiFetchOptions } from './request';

export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const tokenUsed = getAccessToken();
  try {
    return await sendRequest<T>(path, options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || isTokenEndpoint(path)) throw error;
    // Another request may already have renewed the token this one was sent with.
    if (getAccessToken() === tokenUsed || !getAccessToken()) {
      const renewed = await refreshSession();
      if (!renewed) {
        clearSession(getSession().status === 'signedIn');
        throw error;
      }
    }
    return sendRequest<T>(path, options);
  }
}

function isTokenEndpoint(path: string): boolean {
  return path === '/token' || path.startsWith('/token/');
}
