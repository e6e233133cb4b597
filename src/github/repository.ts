import type { Transport } from './transport';

export interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
}

export interface Tree {
  entries: TreeEntry[];
  truncated: boolean;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface BranchHead {
  defaultBranch: string;
  commitSha: string;
  treeSha: string;
  /** The repository's web page, e.g. https://github.com/microsoft/winget-pkgs. */
  htmlUrl: string;
}

export function repoName(ref: RepoRef): string {
  return `${ref.owner}/${ref.repo}`;
}

/** The default branch and the commit and tree at its head. */
export async function defaultBranchHead(t: Transport, ref: RepoRef, signal?: AbortSignal): Promise<BranchHead> {
  const name = repoName(ref);
  const info = await t.call(`the repository ${name}`, (o) => o.rest.repos.get({ ...ref, request: { signal } }));
  const branch = info.data.default_branch;
  const head = await t.call(`the branch ${branch} of ${name}`, (o) =>
    o.rest.git.getRef({ ...ref, ref: `heads/${branch}`, request: { signal } }),
  );
  const commit = await t.call(`the head commit of ${name}`, (o) =>
    o.rest.git.getCommit({ ...ref, commit_sha: head.data.object.sha, request: { signal } }),
  );
  return { defaultBranch: branch, commitSha: commit.data.sha, treeSha: commit.data.tree.sha, htmlUrl: info.data.html_url };
}

export async function readTree(
  t: Transport,
  ref: RepoRef,
  sha: string,
  options: { recursive?: boolean; signal?: AbortSignal } = {},
): Promise<Tree> {
  const res = await t.call(`a folder of ${repoName(ref)}`, (o) =>
    o.rest.git.getTree({
      ...ref,
      tree_sha: sha,
      ...(options.recursive ? { recursive: '1' } : {}),
      request: { signal: options.signal },
    }),
  );
  const entries = res.data.tree.flatMap((e) =>
    e.path !== undefined && e.sha !== undefined && e.type !== undefined
      ? [{ path: e.path, mode: e.mode ?? '', type: e.type, sha: e.sha }]
      : [],
  );
  return { entries, truncated: res.data.truncated };
}

/**
 * The files right inside `folder` (e.g. `manifests/g/Google/Chrome/99.0/`) of a tree, with full paths and blob
 * shas, following the exact spelling of each folder name; [] when the folder is not there.
 */
export async function blobsInFolder(t: Transport, ref: RepoRef, rootTreeSha: string, folder: string): Promise<TreeEntry[]> {
  let level = await readTree(t, ref, rootTreeSha);
  for (const name of folder.split('/').filter((p) => p !== '')) {
    const entry = level.entries.find((e) => e.type === 'tree' && e.path === name);
    if (!entry) return [];
    level = await readTree(t, ref, entry.sha);
  }
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return level.entries.filter((e) => e.type === 'blob').map((e) => ({ ...e, path: `${prefix}${e.path}` }));
}

/** The paths of the files right inside `folder` of a tree (see blobsInFolder). */
export async function filesInFolder(t: Transport, ref: RepoRef, rootTreeSha: string, folder: string): Promise<string[]> {
  return (await blobsInFolder(t, ref, rootTreeSha, folder)).map((e) => e.path);
}

const utf8 = new TextDecoder('utf-8');

export function decodeBase64Utf8(content: string): string {
  const binary = atob(content.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return utf8.decode(bytes);
}

export async function readBlobText(t: Transport, ref: RepoRef, sha: string, path: string): Promise<string> {
  const res = await t.call(`the file ${path}`, (o) => o.rest.git.getBlob({ ...ref, file_sha: sha }));
  return res.data.encoding === 'base64' ? decodeBase64Utf8(res.data.content) : res.data.content;
}

/** A file's text through the contents API; undefined when the path is missing or a folder. */
export async function readFileText(t: Transport, ref: RepoRef, path: string, branch?: string): Promise<string | undefined> {
  const res = await t.call(`the file ${path}`, (o) =>
    o.rest.repos.getContent({ ...ref, path, ...(branch ? { ref: branch } : {}) }),
  );
  const data = res.data;
  if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
  return decodeBase64Utf8(data.content);
}

/** Entries of a folder through the contents API; [] when it does not exist. */
export async function listFolder(t: Transport, ref: RepoRef, path: string): Promise<{ name: string; path: string; type: string }[]> {
  try {
    const res = await t.call(`the folder ${path || '/'}`, (o) => o.rest.repos.getContent({ ...ref, path }));
    return Array.isArray(res.data) ? res.data.map((e) => ({ name: e.name, path: e.path, type: e.type })) : [];
  } catch (error) {
    if (error instanceof Error && 'kind' in error && error.kind === 'not-found') return [];
    throw error;
  }
}
