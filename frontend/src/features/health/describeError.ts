// Turns an error from the health query into words for a person: what happened and
// what to do next. Never a raw status code or JSON.
import { ApiError } from '../../api/errors';

export interface ErrorDescription {
  title: string;
  message: string;
}

const UNREACHABLE: ErrorDescription = {
  title: 'Can’t reach the Workload Tracker server',
  message:
    'The app could not get an answer from its server. Check your network connection and ' +
    'try again; if this keeps happening, the server may be restarting or down, so let your ' +
    'administrator know.',
};

export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof ApiError)) return UNREACHABLE;
  if (error.isNetworkError || [502, 503, 504].includes(error.status)) return UNREACHABLE;
  return {
    title: error.title,
    message: error.detail ?? 'Please try again in a moment. If it keeps failing, let your administrator know.',
  };
}
