import type { StoredCommit } from './git-store';
import type { DoublePull, DoubleRepo, DoubleUser } from './state';

/** JSON shaped like GitHub's, with the fields octokit's callers read (and a few more for realism). */
export function userJson(base: string, login: string, id = 1, type: 'User' | 'Organization' = 'User') {
  return { login, id, node_id: `U_${id}`, type, site_admin: false, url: `${base}/users/${login}`, html_url: `${base}/${login}`, avatar_url: '' };
}

export function authenticatedUserJson(base: string, user: DoubleUser) {
  return { ...userJson(base, user.login, user.id), name: user.login, public_repos: 1, created_at: '2020-01-01T00:00:00Z' };
}

export function repoJson(base: string, repo: DoubleRepo, withParent = true): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const json: Record<string, unknown> = {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: full,
    private: false,
    owner: userJson(base, repo.owner, repo.id, repo.fork ? 'User' : 'Organization'),
    html_url: `${base}/${full}`,
    description: null,
    fork: repo.fork,
    url: `${base}/repos/${full}`,
    default_branch: repo.defaultBranch,
    visibility: 'public',
    archived: false,
    disabled: false,
    permissions: { admin: repo.fork, maintain: repo.fork, push: repo.fork, triage: repo.fork, pull: true },
  };
  if (withParent && repo.parent) {
    let source = repo.parent;
    while (source.parent) source = source.parent;
    json.parent = repoJson(base, repo.parent, false);
    json.source = repoJson(base, source, false);
  }
  return json;
}

export function commitJson(base: string, repo: DoubleRepo, c: StoredCommit) {
  const api = `${base}/repos/${repo.owner}/${repo.name}`;
  return {
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${api}/git/commits/${c.sha}`,
    html_url: `${base}/${repo.owner}/${repo.name}/commit/${c.sha}`,
    author: c.author,
    committer: c.author,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/git/commits/${p}`, html_url: `${base}/${repo.owner}/${repo.name}/commit/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
  };
}

export function refJson(base: string, repo: DoubleRepo, branch: string, sha: string) {
  const api = `${base}/repos/${repo.owner}/${repo.name}`;
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_${repo.id}_${branch}`,
    url: `${api}/git/refs/heads/${branch}`,
    object: { sha, type: 'commit', url: `${api}/git/commits/${sha}` },
  };
}

export function pullJson(base: string, pull: DoublePull) {
  const full = `${pull.base.repo.owner}/${pull.base.repo.name}`;
  const side = (s: DoublePull['head']) => ({
    label: `${s.repo.owner}:${s.ref}`,
    ref: s.ref,
    sha: s.sha,
    user: userJson(base, s.repo.owner),
    repo: repoJson(base, s.repo, false),
  });
  return {
    id: pull.id,
    node_id: `PR_${pull.id}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    body: pull.body,
    user: userJson(base, pull.user),
    url: `${base}/repos/${full}/pulls/${pull.number}`,
    html_url: `${base}/${full}/pull/${pull.number}`,
    issue_url: `${base}/repos/${full}/issues/${pull.number}`,
    head: side(pull.head),
    base: side(pull.base),
    draft: false,
    merged: false,
    maintainer_can_modify: pull.maintainerCanModify,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
  };
}

export function searchItemJson(base: string, pull: DoublePull) {
  const full = `${pull.base.repo.owner}/${pull.base.repo.name}`;
  return {
    id: pull.id,
    node_id: `I_${pull.id}`,
    number: pull.number,
    title: pull.title,
    state: pull.state,
    body: pull.body,
    user: userJson(base, pull.user),
    url: `${base}/repos/${full}/issues/${pull.number}`,
    html_url: `${base}/${full}/pull/${pull.number}`,
    repository_url: `${base}/repos/${full}`,
    labels: [],
    comments: 0,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    pull_request: { url: `${base}/repos/${full}/pulls/${pull.number}`, html_url: `${base}/${full}/pull/${pull.number}` },
    score: 1,
  };
}
