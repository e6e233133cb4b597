import type { StoredCommit } from './git-store';
import type { DoublePull, DoubleRepo, DoubleUser } from './state';

/**
 * Where the double answers: `api` (with any path prefix, as GitHub Enterprise's /api/v3) for API URLs, `web` for
 * the pages html_url fields point to, which GitHub serves outside the API prefix.
 */
export interface DoubleUrls {
  api: string;
  web: string;
}

/** JSON shaped like GitHub's, with the fields octokit's callers read (and a few more for realism). */
export function userJson(urls: DoubleUrls, login: string, id = 1, type: 'User' | 'Organization' = 'User') {
  return { login, id, node_id: `U_${id}`, type, site_admin: false, url: `${urls.api}/users/${login}`, html_url: `${urls.web}/${login}`, avatar_url: '' };
}

export function authenticatedUserJson(urls: DoubleUrls, user: DoubleUser) {
  return { ...userJson(urls, user.login, user.id), name: user.login, public_repos: 1, created_at: '2020-01-01T00:00:00Z' };
}

export function repoJson(urls: DoubleUrls, repo: DoubleRepo, withParent = true): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const json: Record<string, unknown> = {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: full,
    private: false,
    owner: userJson(urls, repo.owner, repo.id, repo.fork ? 'User' : 'Organization'),
    html_url: `${urls.web}/${full}`,
    description: null,
    fork: repo.fork,
    url: `${urls.api}/repos/${full}`,
    default_branch: repo.defaultBranch,
    visibility: 'public',
    archived: false,
    disabled: false,
    permissions: { admin: repo.fork, maintain: repo.fork, push: repo.fork, triage: repo.fork, pull: true },
  };
  if (withParent && repo.parent) {
    let source = repo.parent;
    while (source.parent) source = source.parent;
    json.parent = repoJson(urls, repo.parent, false);
    json.source = repoJson(urls, source, false);
  }
  return json;
}

export function commitJson(urls: DoubleUrls, repo: DoubleRepo, c: StoredCommit) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const web = `${urls.web}/${repo.owner}/${repo.name}`;
  return {
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${api}/git/commits/${c.sha}`,
    html_url: `${web}/commit/${c.sha}`,
    author: c.author,
    committer: c.author,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/git/commits/${p}`, html_url: `${web}/commit/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
  };
}

export function refJson(urls: DoubleUrls, repo: DoubleRepo, branch: string, sha: string) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_${repo.id}_${branch}`,
    url: `${api}/git/refs/heads/${branch}`,
    object: { sha, type: 'commit', url: `${api}/git/commits/${sha}` },
  };
}

export function pullJson(urls: DoubleUrls, pull: DoublePull) {
  const full = `${pull.base.repo.owner}/${pull.base.repo.name}`;
  const side = (s: DoublePull['head']) => ({
    label: `${s.repo.owner}:${s.ref}`,
    ref: s.ref,
    sha: s.sha,
    user: userJson(urls, s.repo.owner),
    repo: repoJson(urls, s.repo, false),
  });
  return {
    id: pull.id,
    node_id: `PR_${pull.id}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    body: pull.body,
    user: userJson(urls, pull.user),
    url: `${urls.api}/repos/${full}/pulls/${pull.number}`,
    html_url: `${urls.web}/${full}/pull/${pull.number}`,
    issue_url: `${urls.api}/repos/${full}/issues/${pull.number}`,
    head: side(pull.head),
    base: side(pull.base),
    draft: false,
    merged: false,
    maintainer_can_modify: pull.maintainerCanModify,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
  };
}

export function searchItemJson(urls: DoubleUrls, pull: DoublePull) {
  const full = `${pull.base.repo.owner}/${pull.base.repo.name}`;
  return {
    id: pull.id,
    node_id: `I_${pull.id}`,
    number: pull.number,
    title: pull.title,
    state: pull.state,
    body: pull.body,
    user: userJson(urls, pull.user),
    url: `${urls.api}/repos/${full}/issues/${pull.number}`,
    html_url: `${urls.web}/${full}/pull/${pull.number}`,
    repository_url: `${urls.api}/repos/${full}`,
    labels: [],
    comments: 0,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    pull_request: { url: `${urls.api}/repos/${full}/pulls/${pull.number}`, html_url: `${urls.web}/${full}/pull/${pull.number}` },
    score: 1,
  };
}
