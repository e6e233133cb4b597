import { useMemo } from 'react';
import { useGitHubConnection } from '../../document/github-connection';
import type { GitHubConnection } from '../../document/github-connection';
import { createGitHubClient } from '../../github/client';
import type { GitHubClient, GitHubSettings } from '../../github/types';

/** A short, non-reversible tag of the token for query keys: a new token reads again, the token stays out of keys. */
export function tokenTag(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/**
 * The client, created on first use: createGitHubClient refuses settings it cannot use (a malformed API base), and
 * that refusal belongs in the flow that needs the client, as a GitHubError it can show, not in rendering.
 */
function lazyClient(settings: GitHubSettings): GitHubClient {
  let made: GitHubClient | undefined;
  const get = (): GitHubClient => (made ??= createGitHubClient(settings));
  return {
    getTokenInfo: async () => get().getTokenInfo(),
    findPackage: async (identifier) => get().findPackage(identifier),
    loadVersion: async (pkg, version) => get().loadVersion(pkg, version),
    preflight: async (input, attempt) => get().preflight(input, attempt),
    submit: async (input, onStep, signal, attempt) => get().submit(input, onStep, signal, attempt),
    pullRequestTemplate: async () => get().pullRequestTemplate(),
    pullRequestNumber: (input) => get().pullRequestNumber(input),
    myOpenPullRequests: async () => get().myOpenPullRequests(),
    loadPullRequest: async (number) => get().loadPullRequest(number),
    pushChanges: async (link, files, signal) => get().pushChanges(link, files, signal),
    removeVersion: async (input, onStep, signal, attempt) => get().removeVersion(input, onStep, signal, attempt),
  };
}

/** The client for the saved connection, and the query key prefix that changes with it. */
export function useGitHubClient(): { client: GitHubClient; connection: GitHubConnection; keyPrefix: readonly string[] } {
  const connection = useGitHubConnection();
  const { apiBaseUrl, repository, token } = connection;
  return useMemo(
    () => ({
      client: lazyClient({ apiBaseUrl, repository, token }),
      connection,
      keyPrefix: ['github', apiBaseUrl, repository.toLowerCase(), tokenTag(token)] as const,
    }),
    // The connection object changes with exactly these values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [apiBaseUrl, repository, token],
  );
}
