// Tests for the typed API client: headers, problem+json mapping, accepted statuses, network errors.
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../test/render';
import { ApiError } from './errors';
import { api, read, sessionFetch } from './http';

describe('the API client', () => {
  it('sends Accept: application/json to /api and returns the JSON body', async () => {
    const fetchMock = mockFetch(() => jsonResponse({ hello: 'world' }));
    await expect(read(api.GET('/api/skills'))).resolves.toEqual({ hello: 'world' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/skills');
    expect(new Headers(init.headers).get('Accept')).toBe('application/json');
  });

  it('maps a problem+json body to a typed ApiError', async () => {
    mockFetch(() =>
      jsonResponse(
        {
          type: 'about:blank',
          title: 'Person not found',
          status: 404,
          detail: 'No person has id 42.',
          code: 'not_found',
        },
        404,
        'application/problem+json',
      ),
    );
    const error = await read(api.GET('/api/people/{id}', { params: { path: { id: 42 } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      title: 'Person not found',
      detail: 'No person has id 42.',
    });
  });

  it('falls back to the status text for a non-JSON error body', async () => {
    mockFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(read(api.GET('/api/skills'))).rejects.toMatchObject({
      status: 502,
      code: 'http_error',
      title: 'Bad Gateway',
      detail: undefined,
    });
  });

  it('treats a listed non-2xx status with a JSON body as data', async () => {
    mockFetch(() => jsonResponse({ status: 'degraded' }, 503));
    const answer = await api.GET('/api/health', { fetch: sessionFetch([200, 503]) });
    expect(answer.error).toEqual({ status: 'degraded' });
  });

  it('still treats a listed status with a problem+json body as an error', async () => {
    mockFetch(() =>
      jsonResponse({ title: 'Service Unavailable', code: 'unavailable' }, 503, 'application/problem+json'),
    );
    await expect(api.GET('/api/health', { fetch: sessionFetch([200, 503]) })).rejects.toMatchObject({
      status: 503,
      code: 'unavailable',
    });
  });

  it('reports an unreachable server as a network ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await read(api.GET('/api/skills')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isNetworkError).toBe(true);
    expect((error as ApiError).code).toBe('network_error');
  });
});
