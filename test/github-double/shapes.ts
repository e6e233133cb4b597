import type { StoredCommit } from './git-store';
import type { DoubleAsset, DoubleLicense, DoubleRelease } from './release-state';
import type { DoublePull, DoubleRepo, DoubleUser } from './state';

/**
 * Where the double answers: `api` (with any path prefix, as GitHub Enterprise's /api/v3) for API URLs, `web` for
 * the pages html_url fields point to, which GitHub serves outside the API prefix.
 */
export interface DoubleUrls {
  api: string;
  web: string;
  /** The asset storage that asset downloads redirect to (another origin, as on GitHub). */
  cdn: string;
  /**
   * The host in release html_url and browser_download_url: https://github.com by default, since the app takes a
   * loopback API base for github.com; the double's own `web` when it imitates GitHub Enterprise Server.
   */
  releaseWeb: string;
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
    private: repo.meta.private,
    owner: userJson(urls, repo.owner, repo.id, repo.fork ? 'User' : 'Organization'),
    html_url: `${urls.web}/${full}`,
    description: repo.meta.description,
    fork: repo.fork,
    url: `${urls.api}/repos/${full}`,
    homepage: repo.meta.homepage,
    has_issues: repo.meta.has_issues,
    license: licenseSimpleJson(urls, repo.meta.license),
    topics: repo.meta.topics,
    default_branch: repo.defaultBranch,
    visibility: repo.meta.private ? 'private' : 'public',
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

/** A label as GitHub embeds it in pull requests and search items; ids are derived so they stay stable. */
function labelJson(urls: DoubleUrls, full: string, name: string) {
  let id = 7;
  for (const c of name) id = (id * 31 + c.charCodeAt(0)) % 2_000_000_000;
  return { id, node_id: `LA_${id}`, url: `${urls.api}/repos/${full}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null };
}

export function pullJson(urls: DoubleUrls, pull: DoublePull) {
  const full = `${pull.base.repo.owner}/${pull.base.repo.name}`;
  // The head follows its branch as it moves, as GitHub's does.
  const side = (s: DoublePull['head']) => ({
    label: `${s.repo.owner}:${s.ref}`,
    ref: s.ref,
    sha: s === pull.head ? (s.repo.branches.get(s.ref) ?? s.sha) : s.sha,
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
    labels: pull.labels.map((name) => labelJson(urls, full, name)),
    draft: false,
    merged: pull.merged,
    merged_at: pull.merged ? pull.createdAt : null,
    maintainer_can_modify: pull.maintainerCanModify,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
  };
}

/** GET /pulls/{n}/files items: one per changed path, as GitHub compares the head with the base. */
export function pullFilesJson(urls: DoubleUrls, pull: DoublePull, files: Record<string, string | null>, headSha: string, baseSha: string) {
  const head = `${pull.head.repo.owner}/${pull.head.repo.name}`;
  const before = pull.base.repo.store.flatten(pull.base.repo.store.commits.get(baseSha)!.tree);
  return Object.entries(files).map(([path, text]) => {
    const lines = (t: string | undefined) => (t === undefined || t === '' ? 0 : t.replace(/\n$/, '').split('\n').length);
    const old = before.get(path);
    const oldText = old ? pull.base.repo.store.blobs.get(old.sha)!.toString('utf8') : undefined;
    const status = text === null ? 'removed' : old ? 'modified' : 'added';
    const sha = text === null ? old!.sha : pull.head.repo.store.flatten(pull.head.repo.store.commits.get(headSha)!.tree).get(path)!.sha;
    const additions = text === null ? 0 : lines(text);
    const deletions = lines(oldText);
    const ref = text === null ? baseSha : headSha;
    return {
      sha,
      filename: path,
      status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${urls.web}/${head}/blob/${ref}/${path}`,
      raw_url: `${urls.web}/${head}/raw/${ref}/${path}`,
      contents_url: `${urls.api}/repos/${head}/contents/${path}?ref=${ref}`,
    };
  });
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
    labels: pull.labels.map((name) => labelJson(urls, full, name)),
    comments: 0,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    pull_request: { url: `${urls.api}/repos/${full}/pulls/${pull.number}`, html_url: `${urls.web}/${full}/pull/${pull.number}` },
    score: 1,
  };
}

export function licenseSimpleJson(urls: DoubleUrls, license: DoubleLicense | null) {
  if (!license) return null;
  const known = license.spdx_id !== 'NOASSERTION';
  return {
    key: license.key,
    name: license.name,
    spdx_id: license.spdx_id,
    url: known ? `${urls.api}/licenses/${license.key}` : null,
    node_id: `L_${license.key}`,
  };
}

/** `GET /repos/{o}/{r}/license`: the license file as the contents API returns it, plus what was detected. */
export function licenseContentJson(urls: DoubleUrls, repo: DoubleRepo, license: DoubleLicense, sha: string, content: Buffer) {
  const full = `${repo.owner}/${repo.name}`;
  const branch = repo.defaultBranch;
  const url = `${urls.api}/repos/${full}/contents/${license.path}?ref=${branch}`;
  const gitUrl = `${urls.api}/repos/${full}/git/blobs/${sha}`;
  const htmlUrl = `${urls.releaseWeb}/${full}/blob/${branch}/${license.path}`;
  // github.com serves raw files from their own host; GitHub Enterprise under /raw on the web host.
  const raw = urls.releaseWeb === 'https://github.com' ? `https://raw.githubusercontent.com/${full}/${branch}` : `${urls.releaseWeb}/${full}/raw/${branch}`;
  return {
    name: license.path.slice(license.path.lastIndexOf('/') + 1),
    path: license.path,
    sha,
    size: content.length,
    url,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url: `${raw}/${license.path}`,
    type: 'file',
    content: `${(content.toString('base64').match(/.{1,60}/g) ?? []).join('\n')}\n`,
    encoding: 'base64',
    _links: { self: url, git: gitUrl, html: htmlUrl },
    license: licenseSimpleJson(urls, license),
  };
}

export function assetJson(urls: DoubleUrls, repo: DoubleRepo, asset: DoubleAsset) {
  return {
    url: asset.url,
    browser_download_url: asset.browser_download_url,
    id: asset.id,
    node_id: `RA_${asset.id}`,
    name: asset.name,
    label: asset.label,
    state: asset.state,
    content_type: asset.content_type,
    size: asset.size,
    digest: asset.digest,
    download_count: asset.download_count,
    created_at: asset.created_at,
    updated_at: asset.updated_at,
    uploader: userJson(urls, repo.owner, repo.id),
  };
}

export function releaseJson(urls: DoubleUrls, repo: DoubleRepo, release: DoubleRelease) {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const tag = encodeURIComponent(release.tag_name);
  return {
    url: `${api}/releases/${release.id}`,
    assets_url: `${api}/releases/${release.id}/assets`,
    // GitHub names a separate uploads host here; the double has no upload route, so any URL of its own will do.
    upload_url: `${api}/releases/${release.id}/assets{?name,label}`,
    html_url: `${urls.releaseWeb}/${full}/releases/tag/${tag}`,
    id: release.id,
    author: userJson(urls, release.author, repo.id),
    node_id: `RE_${release.id}`,
    tag_name: release.tag_name,
    target_commitish: repo.defaultBranch,
    name: release.name,
    draft: release.draft,
    immutable: false,
    prerelease: release.prerelease,
    created_at: release.created_at,
    updated_at: release.published_at ?? release.created_at,
    published_at: release.published_at,
    assets: release.assets.map((a) => assetJson(urls, repo, a)),
    tarball_url: `${api}/tarball/${tag}`,
    zipball_url: `${api}/zipball/${tag}`,
    body: release.body,
  };
}
