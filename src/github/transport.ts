import { Octokit } from '@octokit/rest';
import { ForeignHostError, toGitHubError, type ErrorContext } from './errors';
import { DEFAULT_TIMEOUTS, timedFetch, type RequestTimeouts } from './timeouts';
import type { GitHubSettings } from './types';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * A fetch that only ever talks to the API base, so the Authorization header cannot leak to another host (octokit
 * follows absolute URLs it is given, and responses carry URLs).
 */
export function guardedFetch(apiBaseUrl: string, inner: typeof fetch): typeof fetch {
  const prefix = `${apiBaseUrl.replace(/\/+$/, '')}/`;
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(prefix)) return Promise.reject(new ForeignHostError(url));
    return inner(input, init);
  };
}

export interface Transport {
  octokit: Octokit;
  /** Runs one call and turns anything it throws into a GitHubError about `subject`. */
  call<T>(subject: string, run: (octokit: Octokit) => Promise<T>): Promise<T>;
  errorContext(subject: string): ErrorContext;
}

export function createTransport(settings: GitHubSettings, fetchImpl?: typeof fetch, timeouts: RequestTimeouts = DEFAULT_TIMEOUTS): Transport {
  const inner = fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const octokit = new Octokit({
    baseUrl: settings.apiBaseUrl,
    auth: settings.token,
    // Retries belong to the caller (react-query, the Retry button), which knows whether a request may be repeated.
    request: { fetch: guardedFetch(settings.apiBaseUrl, timedFetch(inner, timeouts)) },
    log: silent,
  });
  const errorContext = (subject: string): ErrorContext => ({ subject, token: settings.token });
  return {
    octokit,
    errorContext,
    async call(subject, run) {
      try {
        return await run(octokit);
      } catch (error) {
        throw toGitHubError(error, errorContext(subject));
      }
    },
  };
}
