// Optimistic concurrency for the versioned resources: every row carries a `version`,
// which is its ETag; writes send it back as If-Match and get 412 when it is stale.
import { ApiError } from './errors';

/** The If-Match header for a row read at `version`. */
export function ifMatch(version: number): HeadersInit {
  return { 'If-Match': `"${version}"` };
}

/** True when a write was refused because someone else changed the row first. */
export function isStaleWrite(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
