/**
 * Editing an open pull request: read the version folder it adds or changes from its head branch, and later push
 * the user's edits to that same branch as one commit (blobs, a tree on the branch's head tree, a commit, a ref
 * update without force), so the same pull request updates and its review history stays.
 */
import { parseManifestPath } from '../core/repo/paths';
import { blobsInFolder, readBlobText, repoName, type RepoRef } from './repository';
import type { Transport } from './transport';
import { GitHubError, type LinkedPullRequest, type OpenPullRequestSummary, type LoadedPullRequest } from './types';

/** `123`, `#123`, or the pull request's web URL in the target repository. */
export function parsePullRequestRef(input: string, upstream: RepoRef): number {
  const text = input.trim();
  const plain = /^#?(\d+)$/.exec(text);
  if (plain) return Number(plain[1]);
  const url = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/pull\/(\d+)(?:[/?#].*)?$/i.exec(text);
  if (!url) throw new GitHubError('validation', 'Give the pull request’s number (e.g. 123) or its URL (https://github.com/owner/repo/pull/123).');
  if (url[1]!.toLowerCase() !== upstream.owner.toLowerCase() || url[2]!.toLowerCase() !== upstream.repo.toLowerCase()) {
    throw new GitHubError('validation', `That pull request is in ${url[1]}/${url[2]}, not the target repository ${repoName(upstream)}. Change the target repository in Settings, or give a pull request of ${repoName(upstream)}.`);
  }
  return Number(url[3]);
}

function labelNames(labels: readonly (string | { name?: string })[] | undefined): string[] {
  return (labels ?? []).flatMap((l) => (typeof l === 'string' ? [l] : l.name ? [l.name] : []));
}

/** The signed-in user's open pull requests on the target repository, newest first, with their labels. */
export async function myOpenPullRequests(t: Transport, upstream: RepoRef, login: string): Promise<OpenPullRequestSummary[]> {
  const q = `repo:${repoName(upstream)} is:pr is:open author:${login}`;
  const res = await t.call('your open pull requests', (o) => o.request('GET /search/issues', { q, sort: 'created', order: 'desc', per_page: 50 }));
  return res.data.items
    .filter((item) => item.pull_request !== undefined)
    .map((item) => ({ number: item.number, title: item.title, url: item.html_url, labels: labelNames(item.labels) }));
}

async function changedPaths(t: Transport, upstream: RepoRef, number: number): Promise<{ path: string; status: string }[]> {
  const files = await t.call(`the files of pull request #${number}`, (o) =>
    o.paginate(o.rest.pulls.listFiles, { ...upstream, pull_number: number, per_page: 100 }),
  );
  return files.map((f) => ({ path: f.filename, status: f.status }));
}

/** The one version folder a pull request touches, or why editing it here would not be safe. */
function versionFolderOf(paths: readonly { path: string; status: string }[]): string {
  const folders = new Set(paths.map((p) => parseManifestPath(p.path)?.folder ?? `(outside the manifest folders: ${p.path})`));
  if (folders.size !== 1) {
    throw new GitHubError('validation', `This pull request changes files outside one package version (${[...folders].slice(0, 3).join(', ')}${folders.size > 3 ? ', …' : ''}). Wingsmith edits one version at a time; edit it on GitHub instead.`);
  }
  const [folder] = folders;
  if (folder!.startsWith('(')) throw new GitHubError('validation', `This pull request changes ${folder!.slice(1, -1)}; Wingsmith edits manifest folders only.`);
  if (paths.every((p) => p.status === 'removed')) {
    throw new GitHubError('validation', 'This pull request only removes files; there is nothing to edit. Comment on it on GitHub instead.');
  }
  return folder!;
}

/** Reads a pull request and the manifest files of its version folder at the head commit. */
export async function loadPullRequest(t: Transport, upstream: RepoRef, number: number, login: string): Promise<LoadedPullRequest> {
  const pr = (await t.call(`pull request #${number}`, (o) => o.rest.pulls.get({ ...upstream, pull_number: number }))).data;
  if (pr.merged) throw new GitHubError('validation', `Pull request #${number} is already merged. Start from Update existing package to change the published version.`);
  if (pr.state !== 'open') throw new GitHubError('validation', `Pull request #${number} is closed. Reopen it on GitHub, or open a new pull request from a draft.`);
  const headRepo = pr.head.repo;
  if (!headRepo) throw new GitHubError('not-found', `The branch of pull request #${number} is gone (its fork was deleted). Open a new pull request instead.`);
  const head: RepoRef = { owner: headRepo.owner.login, repo: headRepo.name };
  const folder = versionFolderOf(await changedPaths(t, upstream, number));
  const commit = await t.call(`the head commit of pull request #${number}`, (o) => o.rest.git.getCommit({ ...head, commit_sha: pr.head.sha }));
  const blobs = await blobsInFolder(t, head, commit.data.tree.sha, folder);
  const files = [];
  for (const { path, sha } of blobs.filter((b) => b.path.toLowerCase().endsWith('.yaml'))) {
    files.push({ path, name: path.slice(path.lastIndexOf('/') + 1), text: await readBlobText(t, head, sha, path) });
  }
  if (files.length === 0) throw new GitHubError('validation', `Pull request #${number} leaves no manifest files in ${folder}; there is nothing to edit.`);
  const own = head.owner.toLowerCase() === login.toLowerCase();
  const link: LinkedPullRequest = {
    number,
    url: pr.html_url,
    title: pr.title,
    repository: repoName(upstream),
    headRepository: repoName(head),
    branch: pr.head.ref,
    headSha: pr.head.sha,
    folder,
    files: files.map(({ path, text }) => ({ path, text })),
  };
  return {
    link,
    files,
    labels: labelNames(pr.labels),
    ...(own ? {} : { notPushable: `This pull request’s branch is in ${repoName(head)}, not in your fork (${login}), so Wingsmith cannot push to it.` }),
  };
}

export interface PushResult {
  /** The branch's new head, which the draft's link now remembers. */
  headSha: string;
}

/**
 * One commit on the pull request's branch with `files` as the version folder's new content (files the draft no
 * longer has are deleted). Refuses when the branch moved since it was loaded: the user's edits would otherwise
 * overwrite commits they have not seen.
 */
export async function pushChanges(
  t: Transport,
  upstream: RepoRef,
  link: LinkedPullRequest,
  files: readonly { path: string; text: string }[],
  login: string,
  signal?: AbortSignal,
): Promise<PushResult> {
  const [owner, repo] = link.headRepository.split('/') as [string, string];
  const head: RepoRef = { owner, repo };
  const request = { signal };
  if (owner.toLowerCase() !== login.toLowerCase()) {
    throw new GitHubError('forbidden', `This pull request’s branch is in ${link.headRepository}, not in your fork; open a new pull request from these files instead.`);
  }
  for (const file of files) {
    if (!file.path.startsWith(link.folder)) throw new GitHubError('validation', `${file.path} is outside ${link.folder}, the version this pull request changes. Keep PackageIdentifier and PackageVersion as they were, or open a new pull request.`);
  }
  const pr = (await t.call(`pull request #${link.number}`, (o) => o.rest.pulls.get({ ...upstream, pull_number: link.number, request }))).data;
  if (pr.merged || pr.state !== 'open') throw new GitHubError('validation', `Pull request #${link.number} was ${pr.merged ? 'merged' : 'closed'} meanwhile; nothing was pushed. Open a new pull request from these files instead.`);
  const ref = await t.call(`the branch ${link.branch}`, (o) => o.rest.git.getRef({ ...head, ref: `heads/${link.branch}`, request }));
  if (ref.data.object.sha !== link.headSha) throw movedError(link);
  const base = await t.call('the branch’s head commit', (o) => o.rest.git.getCommit({ ...head, commit_sha: link.headSha, request }));
  const entries: { path: string; mode: '100644'; type: 'blob'; sha: string | null }[] = [];
  for (const file of files) {
    const blob = await t.call(`the file ${file.path}`, (o) => o.rest.git.createBlob({ ...head, content: file.text, encoding: 'utf-8', request }));
    entries.push({ path: file.path, mode: '100644', type: 'blob', sha: blob.data.sha });
  }
  const keep = new Set(files.map((f) => f.path));
  for (const old of link.files) if (!keep.has(old.path)) entries.push({ path: old.path, mode: '100644', type: 'blob', sha: null });
  const tree = await t.call('the folder tree', (o) => o.rest.git.createTree({ ...head, base_tree: base.data.tree.sha, tree: entries, request }));
  const info = parseManifestPath(link.folder);
  const message = info ? `Update ${info.packageIdentifier} version ${info.packageVersion}` : `Update ${link.folder}`;
  const commit = await t.call('the commit', (o) => o.rest.git.createCommit({ ...head, message, tree: tree.data.sha, parents: [link.headSha], request }));
  try {
    await t.octokit.rest.git.updateRef({ ...head, ref: `heads/${link.branch}`, sha: commit.data.sha, force: false, request });
  } catch (error) {
    if ((error as { status?: unknown }).status === 422) throw movedError(link);
    throw new GitHubError('server', `GitHub did not move ${link.branch} to the new commit; nothing changed on the pull request. Try Push changes again.`);
  }
  return { headSha: commit.data.sha };
}

function movedError(link: LinkedPullRequest): GitHubError {
  return new GitHubError('conflict', `The branch ${link.branch} has commits you have not loaded (someone pushed to pull request #${link.number}). Reload the pull request: your edits are applied to its new content, and you decide before anything is pushed.`);
}
