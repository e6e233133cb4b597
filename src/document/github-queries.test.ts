import { describe, expect, it } from 'vitest';
import { shouldRetryRead } from './github-queries';

// Errors shaped like src/github's GitHubError (kind, resetAt).
const err = (kind: string, resetAt?: Date) => Object.assign(new Error('x'), { kind, resetAt });

describe('GitHub read retries', () => {
  it('retry server errors, short rate limits and the network, a few times', () => {
    expect(shouldRetryRead(0, err('server'))).toBe(true);
    expect(shouldRetryRead(1, err('network'))).toBe(true);
    expect(shouldRetryRead(0, err('rate-limit', new Date(Date.now() + 5000)))).toBe(true);
    expect(shouldRetryRead(3, err('server'))).toBe(false);
  });

  it('never retry what a retry cannot fix', () => {
    for (const kind of ['auth', 'fine-grained', 'forbidden', 'not-found', 'validation', 'conflict']) {
      expect(shouldRetryRead(0, err(kind))).toBe(false);
    }
    expect(shouldRetryRead(0, err('rate-limit', new Date(Date.now() + 3_600_000)))).toBe(false);
    expect(shouldRetryRead(0, new Error('plain'))).toBe(false);
  });
});
