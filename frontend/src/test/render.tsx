// Test helper: renders the real route table in a memory router with a fresh,
// retry-free query client and a chosen session, and helpers to stub globalThis.fetch.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { Me } from '../api/types';
import { clearSession, markRestoring, storeTokens } from '../auth/sessionStore';
import { routes } from '../routes';

/** What the app's DOM RouterProvider passes the router, so URL writes commit as in the browser. */
export const commitNow = (update: () => unknown): undefined => {
  flushSync(update);
};

interface RenderOptions {
  /** Signed in as this user; signed out when null (the default); 'restoring' while checking. */
  session?: Me | null | 'restoring';
}

export function renderRoute(path: string, { session = null }: RenderOptions = {}) {
  if (session === 'restoring') markRestoring();
  else if (session) storeTokens({ access: 'access-1', accessExpiresAt: '2030-01-01T00:00:00Z', user: session });
  else clearSession();
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchInterval: false, gcTime: Infinity } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} flushSync={commitNow} />
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}

/** A JSON Response with the given status and content type. */
export function jsonResponse(body: unknown, status = 200, contentType = 'application/json') {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

/** Replaces globalThis.fetch with a mock answering each call from `answer`. */
export function mockFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(answer(input instanceof Request ? input.url : input.toString(), init ?? {})),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The [url, init] of every call a fetch mock received. */
export function fetchCalls(fetchMock: ReturnType<typeof mockFetch>): [string, RequestInit][] {
  return fetchMock.mock.calls.map(([input, init]) => [
    input instanceof Request ? input.url : input.toString(),
    init ?? {},
  ]);
}
