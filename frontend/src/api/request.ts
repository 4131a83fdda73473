// One HTTP exchange with the API, no retries: the only `fetch` call in the app. Sends
// the bearer token when there is one and same-origin cookies, maps an unreachable
// server and a refused answer to ApiError, and hands back the accepted Response for the
// typed client (./http) to read.
import { getAccessToken } from '../auth/sessionStore';
import { ApiError, toApiError } from './errors';

/** A request the typed client built: the address under /api and how to send it. */
export interface Exchange {
  url: string;
  init: RequestInit;
  /** Statuses whose JSON body is data rather than an error (default: any 2xx). */
  acceptStatus?: readonly number[] | undefined;
}

/** A file the API answered with: its bytes, and its name from Content-Disposition. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** Sends one request; resolves with the accepted Response, rejects with ApiError otherwise. */
export async function exchange({ url, init, acceptStatus }: Exchange): Promise<Response> {
  const headers = new Headers(init.headers);
  // A download asks for any type itself; its errors still come as problem+json.
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const token = getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);

  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init, headers });
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
  return response;
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
