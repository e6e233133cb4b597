/**
 * The one react-query client of the GitHub dialogs: reads are cached and retried with backoff, but only when a
 * retry can help (server errors, rate limits, the network); a refused token or a missing repository fails at once.
 * Mutations (the submission) are never retried on their own: the user decides, after the flow cleaned up.
 * Only the dialogs import this module, so react-query loads with them, not with the first page.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

const RETRYABLE = new Set(['server', 'rate-limit', 'network']);

/** The parts of a GitHubError the retry policy reads (kept structural: this layer does not import src/github). */
interface ErrorShape {
  kind?: unknown;
  resetAt?: unknown;
}

function shape(error: unknown): ErrorShape | undefined {
  return typeof error === 'object' && error !== null && 'kind' in error ? (error as ErrorShape) : undefined;
}

export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3) return false;
  const e = shape(error);
  if (!e || typeof e.kind !== 'string') return false;
  if (e.kind === 'rate-limit') {
    // Waiting out a limit that resets in an hour is no retry; a secondary limit of seconds is.
    return !(e.resetAt instanceof Date) || e.resetAt.getTime() - Date.now() < 60_000;
  }
  return RETRYABLE.has(e.kind);
}

export function retryDelay(failureCount: number, error: unknown): number {
  const e = shape(error);
  if (e?.kind === 'rate-limit' && e.resetAt instanceof Date) return Math.max(1000, e.resetAt.getTime() - Date.now());
  return Math.min(1000 * 2 ** failureCount, 15_000);
}

export const githubQueryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetryRead, retryDelay, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/** Wraps a GitHub dialog; every dialog shares the one cache (token info, packages, versions). */
export function GitHubQueries({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={githubQueryClient}>{children}</QueryClientProvider>;
}
