// The one fetch wrapper for the Workload Tracker API: JSON in/out and
// problem+json errors mapped to ApiError. Auth, refresh, ETags and retries
// will be added here (and only here) later.

/** A failed API call, in a shape the UI can explain to a person. */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  /** Stable machine-readable code from the problem body (e.g. "not_found"). */
  readonly code: string;
  /** Short human summary. */
  readonly title: string;
  /** Longer human explanation, when the server gave one. */
  readonly detail: string | undefined;

  constructor(init: { status: number; code: string; title: string; detail?: string | undefined }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
  }

  /** True when no HTTP answer arrived (network down, server not running, CORS...). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export interface ApiFetchOptions extends RequestInit {
  /** Statuses whose JSON body is data rather than an error (default: any 2xx). */
  acceptStatus?: readonly number[];
}

/** Base path of the API; same origin as the SPA. */
export const API_BASE = '/api';

export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { acceptStatus, headers, ...init } = options;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Accept', 'application/json');

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { ...init, headers: requestHeaders });
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
  if (response.status === 204) return undefined as T;

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

interface ProblemBody {
  type?: unknown;
  title?: unknown;
  detail?: unknown;
  code?: unknown;
}

/** Builds an ApiError from a failed response, reading a problem+json body if present. */
export async function toApiError(response: Response): Promise<ApiError> {
  const fallbackTitle = response.statusText || `Request failed (${response.status})`;
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!/^application\/(problem\+)?json/i.test(contentType)) {
    return new ApiError({ status: response.status, code: 'http_error', title: fallbackTitle });
  }
  let body: ProblemBody = {};
  try {
    body = (await response.json()) as ProblemBody;
  } catch {
    // An unreadable body still gives a useful status-based error.
  }
  return new ApiError({
    status: response.status,
    code: typeof body.code === 'string' ? body.code : 'http_error',
    title: typeof body.title === 'string' ? body.title : fallbackTitle,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
  });
}
