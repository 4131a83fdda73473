// The app's TanStack Query client and its defaults: a failed query is retried unless the
// server gave a definite answer (a 4xx such as "forbidden" will not change on retry).
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/errors';

const MAX_RETRIES = 3;

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        retry: shouldRetry,
      },
    },
  });
}
