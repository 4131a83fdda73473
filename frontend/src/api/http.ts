// The API client every module calls: openapi-fetch typed by the generated schema
// (./schema.d.ts), so a renamed path, parameter or field fails the typecheck. Behind it,
// each request carries the session's bearer token (./request); on a 401 outside the
// token endpoints the token is renewed once, shared with any other request doing the
// same, and the request is sent again. When renewal is refused the session ends (the
// route guard then sends the person to /login?next=...). Refused answers reject with
// ApiError (problem+json read), so callers only ever see data.
import createClient from 'openapi-fetch';
import { clearSession, getAccessToken, getSession } from '../auth/sessionStore';
import { ApiError } from './errors';
import { refreshSession } from './refresh';
import { exchange, fileNameOf, type DownloadedFile, type Exchange } from './request';
import type { paths } from './schema';

/**
 * What openapi-fetch builds in place of a `Request`: the relative address and the init,
 * kept as they are so `fetch` gets `(url, init)` exactly as the browser would from the
 * app (a Request would need an absolute address and would lock its body for the retry).
 */
class PlannedRequest {
  readonly url: string;
  readonly init: RequestInit;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.init = init;
  }

  get method(): string {
    return this.init.method ?? 'GET';
  }
}

/** A fetch for openapi-fetch that sends through the session, accepting `acceptStatus`. */
export function sessionFetch(acceptStatus?: readonly number[]): (request: Request) => Promise<Response> {
  return (request) => {
    const { url, init } = request as unknown as PlannedRequest;
    // GET is fetch's default: a read goes out without a method, as the app always sent it.
    const { method, ...rest } = init;
    return withRenewal({ url, init: method === 'GET' ? rest : init, acceptStatus });
  };
}

async function withRenewal(planned: Exchange): Promise<Response> {
  const tokenUsed = getAccessToken();
  try {
    return await exchange(planned);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || isTokenEndpoint(planned.url)) throw error;
    // Another request may already have renewed the token this one was sent with.
    if (getAccessToken() === tokenUsed || !getAccessToken()) {
      const renewed = await refreshSession();
      if (!renewed) {
        clearSession(getSession().status === 'signedIn');
        throw error;
      }
    }
    return exchange(planned);
  }
}

function isTokenEndpoint(url: string): boolean {
  return url === '/api/token' || url.startsWith('/api/token/');
}

export const api = createClient<paths>({
  Request: PlannedRequest as unknown as typeof Request,
  fetch: sessionFetch(),
});

/** What an openapi-fetch call resolves with, as far as reading it goes. */
interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The body of an accepted answer (undefined for 204); an unreadable body is an ApiError. */
export async function read<D>(call: Promise<Answer<D>>): Promise<D> {
  try {
    const { data } = await call;
    return data as D;
  } catch (error) {
    throw error instanceof SyntaxError ? unreadable() : error;
  }
}

/** An answer that is a file to save: its bytes and the name the server gave it. */
export async function readFile(call: Promise<Answer<Blob>>): Promise<DownloadedFile> {
  const { data, response } = await call;
  // No body (a 204 or an empty answer) is no file.
  if (data === undefined) throw unreadable();
  return { blob: data, fileName: fileNameOf(response.headers.get('Content-Disposition')) };
}

/** Options for a download: any type is welcome, read as bytes. */
export const AS_FILE = { parseAs: 'blob', headers: { Accept: '*/*' } } as const;

function unreadable(): ApiError {
  return new ApiError({ status: 200, code: 'invalid_response', title: 'The server sent a response the app could not read' });
}
