// One HTTP exchange with the API, no retries: the only `fetch` call in the app. Sends
// JSON or a multipart form, the bearer token when there is one and same-origin cookies;
// maps failures (including an unreachable server) to ApiError and reads the answer as
// JSON, or as a file (a download: its bytes and the name the server gave it).
import { getAccessToken } from '../auth/sessionStore';
import { ApiError, toApiError } from './errors';

export interface ApiFetchOptions extends RequestInit {
  /** Statuses whose JSON body is data rather than an error (default: any 2xx). */
  acceptStatus?: readonly number[];
  /** A value to send as the JSON request body. */
  json?: unknown;
  /** A multipart form to send as the body (an upload); the browser sets its Content-Type. */
  form?: FormData;
  /**
   * How to read a successful answer: JSON (the default) or a file to save
   * (`DownloadedFile`). A 202 (the work was queued as a job) is JSON either way.
   */
  responseType?: 'json' | 'file';
}

/** A file the API answered with: its bytes, and its name from Content-Disposition. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** Base path of the API; same origin as the SPA. */
export const API_BASE = '/api';

/** Sends one request; resolves with the parsed body (undefined for 204) or the downloaded file. */
export async function sendRequest<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { acceptStatus, headers, json, form, responseType = 'json', ...init } = options;
  const requestHeaders = new Headers(headers);
  // A download may be any type; its errors still come as problem+json.
  requestHeaders.set('Accept', responseType === 'file' ? '*/*' : 'application/json');
  const token = getAccessToken();
  if (token) requestHeaders.set('Authorization', `Bearer ${token}`);
  if (json !== undefined) requestHeaders.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      credentials: 'same-origin',
      ...init,
      ...(json !== undefined ? { body: JSON.stringify(json) } : form ? { body: form } : {}),
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
    if (responseType === 'file' && response.status !== 202) {
      const file: DownloadedFile = { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
      return file as T;
    }
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

/**
 * The file name a Content-Disposition header gives: `filename*=UTF-8''…` (RFC 5987)
 * first, then `filename="…"`. Only the last path segment is kept; null when there is none.
 */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(header);
    name = plain?.[1] ?? plain?.[2] ?? null;
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : null;
}
