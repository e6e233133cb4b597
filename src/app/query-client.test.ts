import { describe, expect, it } from 'vitest';
import { GitHubError } from '../github/types';
import { shouldRetryRead } from './query-client';

describe('GitHub read retries', () => {
  it('retry server errors, short rate limits and the network, a few times', () => {
    expect(shouldRetryRead(0, new GitHubError('server', 'x', { status: 502 }))).toBe(true);
    expect(shouldRetryRead(1, new GitHubError('network', 'x'))).toBe(true);
    expect(shouldRetryRead(0, new GitHubError('rate-limit', 'x', { resetAt: new Date(Date.now() + 5000) }))).toBe(true);
    expect(shouldRetryRead(3, new GitHubError('server', 'x'))).toBe(false);
  });

  it('never retry what a retry cannot fix', () => {
    for (const kind of ['auth', 'fine-grained', 'forbidden', 'not-found', 'validation', 'conflict'] as const) {
      expect(shouldRetryRead(0, new GitHubError(kind, 'x'))).toBe(false);
    }
    expect(shouldRetryRead(0, new GitHubError('rate-limit', 'x', { resetAt: new Date(Date.now() + 3_600_000) }))).toBe(false);
    expect(shouldRetryRead(0, new Error('plain'))).toBe(false);
  });
});
