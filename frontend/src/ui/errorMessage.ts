// Words for a failed request: the server's own explanation when it gave one, otherwise
// what happened and what to do next. Never a status code or JSON.
import { ApiError } from '../api/errors';

const UNREACHABLE =
  'Can’t reach the Workload Tracker server. Check your connection and try again.';
const SERVER_FAULT =
  'The server ran into a problem. Try again in a moment; if it keeps happening, tell your administrator.';

export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError) || error.isNetworkError) return UNREACHABLE;
  if ([502, 503, 504].includes(error.status)) return UNREACHABLE;
  if (error.detail) return error.detail;
  if (error.status >= 500) return SERVER_FAULT;
  if (error.status === 403) return 'You don’t have permission to do that.';
  if (error.status === 401) return 'Your session has ended. Sign in again to continue.';
  return error.title;
}

/** "45 seconds", "1 minute", "3 minutes": a Retry-After wait in words. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Words for a failed write to a versioned row. A 412 means someone else saved first;
 * the screens reload the row at once, so the message says so instead of "reload".
 */
export function writeErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 412) {
    return 'Someone changed this meanwhile. Their version is shown now; make your change again if it is still needed.';
  }
  return errorMessage(error);
}
