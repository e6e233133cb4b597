/**
 * The one react-query client: GitHub reads are cached and retried with backoff, but only when a retry can help
 * (server errors, rate limits, the network); a refused token or a missing repository fails at once. Mutations
 * (the submission) are never retried on their own: the user decides, after the flow cleaned up.
 */
import { QueryClient } from '@tanstack/react-query';
import { GitHubError } from '../github/types';

const RETRYABLE = new Set(['server', 'rate-limit', 'network']);

export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3) return false;
  if (!(error instanceof GitHubError)) return false;
  if (error.kind === 'rate-limit') {
    // Waiting out a limit that resets in an hour is no retry; a secondary limit of seconds is.
    return error.resetAt === undefined || error.resetAt.getTime() - Date.now() < 60_000;
  }
  return RETRYABLE.has(error.kind);
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof GitHubError && error.kind === 'rate-limit' && error.resetAt) {
    return Math.max(1000, error.resetAt.getTime() - Date.now());
  }
  return Math.min(1000 * 2 ** failureCount, 15_000);
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetryRead, retryDelay, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
