import { useQuery } from '@tanstack/react-query';
import { useGitHubConnection } from '../../document/github-connection';
import type { GitHubConnection } from '../../document/github-connection';
import { createGitHubClient } from '../../github/client';
import { GitHubError } from '../../github/types';
import type { TokenInfo } from '../../github/types';

/**
 * A short, non-reversible tag of the token for the query key, so a new token is checked again while the token
 * itself never sits in the query cache's keys.
 */
export function tokenTag(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

function scopeAdvice(info: TokenInfo): string | undefined {
  if (info.kind === 'fine-grained' || info.scopes === null) {
    return 'Fine-grained token: Wingsmith can push the branch to your fork, then hands you GitHub’s compare page to open the pull request.';
  }
  if (refusesPullRequests(info)) {
    return 'This token lacks the public_repo scope: GitHub will refuse the fork and the pull request. Create a classic token with public_repo.';
  }
  return undefined;
}

/** A classic token without public_repo: GitHub will refuse the fork and the pull request, so the check fails. */
export function refusesPullRequests(info: TokenInfo): boolean {
  return info.kind !== 'fine-grained' && info.scopes !== null && !info.scopes.includes('public_repo') && !info.scopes.includes('repo');
}

/** GET /user for the connection's token, cached per API base and token (never keyed by the token itself). */
export function useTokenInfo(connection: GitHubConnection) {
  const { apiBaseUrl, repository, token } = connection;
  return useQuery({
    queryKey: ['github', 'user', apiBaseUrl, tokenTag(token)],
    // Created here, not while rendering: the client throws (a GitHubError) on settings it refuses.
    queryFn: async () => createGitHubClient({ apiBaseUrl, repository, token }).getTokenInfo(),
    enabled: connection.token !== '',
    staleTime: 5 * 60_000,
  });
}

/** Who the saved token signs in as, and what it may do (GET /user and its X-OAuth-Scopes header). */
export function TokenStatus() {
  const connection = useGitHubConnection();
  const info = useTokenInfo(connection);
  if (connection.token === '') {
    return <p className="settings-status" role="status">No token saved: Wingsmith needs one to read the target repository and open pull requests.</p>;
  }
  if (info.isPending) return <p className="settings-status" role="status">Checking the token…</p>;
  if (info.isError) {
    const message = info.error instanceof GitHubError ? info.error.userMessage : 'The token could not be checked.';
    return <p className="settings-status settings-status-error" role="alert">{message}</p>;
  }
  const advice = scopeAdvice(info.data);
  const scopes = info.data.scopes === null ? 'none listed (fine-grained token)' : info.data.scopes.join(', ') || 'none';
  return (
    <div className="settings-status" role="status">
      <p>Signed in as <strong>{info.data.login}</strong>. Token scopes: {scopes}.</p>
      {advice && <p className="settings-warning">{advice}</p>}
    </div>
  );
}
