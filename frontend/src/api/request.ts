// One HTTP exchange with the API, no retries: the only `fetch` call in the app. Sends
// JSON, the bearer token when there is one and same-origin cookies; maps failures
// (including an unreachable server) to ApiError and parses the JSON answer.
import { getAccessToken } from '../auth/sessionStore';
import { ApiError, toApiError } from './errors';

export interface ApiFetchOptions extends RequestInit {
  /** Statuses whose JSON body is data rather than an error (default: any 2xx). */
  acceptStatus?: readonly number[];
  /** A value to send as the JSON request body. */
  json?: unknown;
}

/** Base path of the API; same origin as the SPA. */
export const API_BASE = '/api';

/** Sends one request; resolves with the parsed body (undefined for 204). */
export async function sendRequest<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { acceptStatus, headers, json, ...init } = options;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Accept', 'application/json');
  const token = getAccessToken();
  if (token) requestHeaders.set('Authorization', `Bearer ${token}`);
  if (json !== undefined) requestHeaders.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      credentials: 'same-origin',
      ...init,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      headers: requestHeaders,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      title: 'The server could not be reached',
      detail: cause instanceof Error ? cause.message : undefined,
    });
  }

  if (!isAccepted(response, acceptStatus)) throw await toApiError(response);
  if (response.status === 204 || response.status === 205) return undefined as T;

  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      title: 'The server sent a response the app could not read',
    });
  }
}

/**
 * A 2xx is accepted unless acceptStatus says otherwise. A non-2xx status listed in
 * acceptStatus counts as data only with a plain JSON body: a problem+json or HTML answer
 * (say, from a proxy in front of the API) is still an error.
 */
function isAccepted(response: Response, acceptStatus: readonly number[] | undefined): boolean {
  if (!acceptStatus) return response.ok;
  if (!acceptStatus.includes(response.status)) return false;
  if (response.ok) return true;
  const contentType = response.headers.get('Content-Type') ?? '';
  return /^application\/json\b/i.test(contentType);
}
