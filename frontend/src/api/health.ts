// GET /api/health: the HealthReport types and fetchHealth(), which treats both
// 200 (all up) and 503 (something down) as a report to show.
import { ApiError } from './errors';
import { api, sessionFetch } from './http';

export type CheckStatus = 'up' | 'down';
export type OverallStatus = 'ok' | 'degraded';

export interface HealthCheck {
  status: CheckStatus;
  latencyMs?: number;
  detail?: string;
}

export interface HealthReport {
  status: OverallStatus;
  version: string;
  checks: Record<string, HealthCheck>;
}

/** The checks the server reports, in display order, with their human names. */
export const KNOWN_CHECKS = [
  { key: 'database', label: 'Database' },
  { key: 'redis', label: 'Redis' },
  { key: 'worker', label: 'Worker' },
] as const;

export async function fetchHealth(signal?: AbortSignal): Promise<HealthReport> {
  // A 503 (something is down) is a report too: openapi-fetch gives its body as `error`.
  const answer = await api.GET('/api/health', { fetch: sessionFetch([200, 503]), signal: signal ?? null });
  const body: unknown = answer.response.ok ? answer.data : answer.error;
  if (!isHealthReport(body)) {
    throw new ApiError({
      status: 200,
      code: 'invalid_response',
      title: 'The server answered the health check in an unexpected format',
    });
  }
  return body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHealthCheck(value: unknown): value is HealthCheck {
  return (
    isRecord(value) &&
    (value.status === 'up' || value.status === 'down') &&
    (value.latencyMs === undefined || typeof value.latencyMs === 'number') &&
    (value.detail === undefined || typeof value.detail === 'string')
  );
}

export function isHealthReport(value: unknown): value is HealthReport {
  return (
    isRecord(value) &&
    (value.status === 'ok' || value.status === 'degraded') &&
    typeof value.version === 'string' &&
    isRecord(value.checks) &&
    Object.values(value.checks).every(isHealthCheck)
  );
}
