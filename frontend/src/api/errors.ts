// ApiError, the one error type API calls reject with, and toApiError(), which reads a
// failed response's problem+json body (detail, code, field errors, Retry-After).

/** A message about one request field, from a problem body's `errors` list. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

interface ApiErrorInit {
  status: number;
  code: string;
  title: string;
  detail?: string | undefined;
  errors?: readonly FieldProblem[] | undefined;
  retryAfterSeconds?: number | undefined;
}

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
  /** Per-field messages (validation problems); empty when there are none. */
  readonly errors: readonly FieldProblem[];
  /** Seconds to wait before trying again (from Retry-After), when the server said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** True when no HTTP answer arrived (network down, server not running, CORS...). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** The server's messages for one field joined into one sentence list, if it sent any. */
  fieldMessage(field: string): string | undefined {
    const messages = this.errors.filter((error) => error.field === field).map((error) => error.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  }
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  code?: unknown;
  errors?: unknown;
}

/** Builds an ApiError from a failed response, reading a problem+json body if present. */
export async function toApiError(response: Response): Promise<ApiError> {
  const fallbackTitle = response.statusText || `Request failed (${response.status})`;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!/^application\/(problem\+)?json/i.test(contentType)) {
    return new ApiError({ status: response.status, code: 'http_error', title: fallbackTitle, retryAfterSeconds });
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
    errors: Array.isArray(body.errors) ? body.errors.filter(isFieldProblem) : [],
    retryAfterSeconds,
  });
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { field, code, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof code === 'string' && typeof message === 'string';
}

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
