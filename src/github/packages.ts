import { REPOSITORY_ROOTS, type RepositoryRoot } from '../core/repo/paths';
import { GitHubError, type PackageInfo, type PackageVersionRef, type RepoFile } from './types';
import { defaultBranchHead, readBlobText, readFileText, readTree, type BranchHead, type RepoRef, type TreeEntry } from './repository';
import type { Transport } from './transport';
import { sortVersionsNewestFirst } from './versions';

/** Blob shas seen while listing packages, so loading a version needs no second walk. */
export type BlobIndex = Map<string, string>;

/** How much of an identifier's folder path the repository already has, as the repository spells it. */
export interface PackageLocation {
  /** The tree that was searched: `manifests`, or `fonts` for a font package. */
  root: RepositoryRoot;
  /**
   * The repository's spelling of the identifier's leading segments whose folders exist (`<root>/<letter>/` left
   * out), e.g. ['Contoso'] for contoso.NewTool when only manifests/c/Contoso/ exists; every segment for a package.
   */
  existingSegments: string[];
  pkg: PackageInfo | undefined;
}

function findFolder(entries: TreeEntry[], name: string): TreeEntry | undefined {
  const folders = entries.filter((e) => e.type === 'tree');
  return folders.find((e) => e.path === name) ?? folders.find((e) => e.path.toLowerCase() === name.toLowerCase());
}

export function isManifestFileOf(name: string, identifier: string): boolean {
  const lower = name.toLowerCase();
  const id = identifier.toLowerCase();
  return lower.endsWith('.yaml') && (lower === `${id}.yaml` || lower.startsWith(`${id}.`));
}

/** The identifier's folder names, or undefined when it cannot name a package folder. */
function identifierSegments(identifier: string): string[] | undefined {
  const segments = identifier.trim().split('.');
  if (segments.length < 2 || segments.some((s) => s === '' || s.includes('/') || s.includes('\\'))) return undefined;
  return segments;
}

/** The blobs right inside each child folder of a package folder, from a recursive listing. */
function filesByChild(entries: TreeEntry[]): Map<string, TreeEntry[]> {
  const byChild = new Map<string, TreeEntry[]>();
  for (const e of entries) {
    const parts = e.path.split('/');
    if (parts.length === 1 && e.type === 'tree' && !byChild.has(e.path)) byChild.set(e.path, []);
    if (parts.length === 2 && e.type === 'blob') {
      const list = byChild.get(parts[0]!) ?? [];
      list.push({ ...e, path: parts[1]! });
      byChild.set(parts[0]!, list);
    }
  }
  return byChild;
}

/**
 * A child folder is a version when it holds the package's manifest files; a child holding only folders is a
 * package of its own (Google/Chrome/EXE under Google/Chrome) and is left out.
 */
async function readPackage(t: Transport, ref: RepoRef, matched: string[], packageSha: string, blobs: BlobIndex): Promise<PackageInfo | undefined> {
  const repoIdentifier = matched.slice(2).join('.');
  const folder = `${matched.join('/')}/`;
  const listing = await readTree(t, ref, packageSha, { recursive: true });
  let children = filesByChild(listing.entries);
  if (listing.truncated) {
    // Too many versions for one recursive listing: read each child folder on its own.
    const direct = await readTree(t, ref, packageSha);
    children = new Map();
    for (const child of direct.entries.filter((e) => e.type === 'tree')) {
      const tree = await readTree(t, ref, child.sha);
      children.set(child.path, tree.entries.filter((e) => e.type === 'blob'));
    }
  }
  const versions: PackageVersionRef[] = [];
  for (const [version, files] of children) {
    const manifests = files.filter((f) => isManifestFileOf(f.path, repoIdentifier));
    if (manifests.length === 0) continue;
    const paths = manifests.map((f) => `${folder}${version}/${f.path}`).sort();
    manifests.forEach((f) => blobs.set(`${folder}${version}/${f.path}`, f.sha));
    versions.push({ version, folder: `${folder}${version}/`, files: paths });
  }
  if (versions.length === 0) return undefined;
  return { identifier: repoIdentifier, folder, versions: sortVersionsNewestFirst(versions, (v) => v.version) };
}

/**
 * Walks `<root>/<letter>/<segments…>` from the repository's top folder one level at a time, matching each folder
 * case-insensitively (an exact match first). Where the walk stops tells, at no extra cost, how the repository
 * spells the part of the path that already exists.
 */
async function walkPackage(
  t: Transport,
  ref: RepoRef,
  identifier: string,
  blobs: BlobIndex,
  top: TreeEntry[],
  root: RepositoryRoot,
): Promise<PackageLocation> {
  const segments = identifierSegments(identifier);
  if (!segments) return { root, existingSegments: [], pkg: undefined };
  let level = top;
  const walk = [root, identifier.trim().charAt(0).toLowerCase(), ...segments];
  const matched: string[] = [];
  let packageSha = '';
  for (const name of walk) {
    const entry = findFolder(level, name);
    if (!entry) return { root, existingSegments: matched.slice(2), pkg: undefined };
    matched.push(entry.path);
    packageSha = entry.sha;
    if (matched.length < walk.length) level = (await readTree(t, ref, entry.sha)).entries;
  }
  return { root, existingSegments: matched.slice(2), pkg: await readPackage(t, ref, matched, packageSha, blobs) };
}

/** Where the package would go in `head`'s tree under `root`, and the package when it is there. */
export async function locatePackage(
  t: Transport,
  ref: RepoRef,
  identifier: string,
  blobs: BlobIndex,
  head: BranchHead,
  root: RepositoryRoot,
): Promise<PackageLocation> {
  if (!identifierSegments(identifier)) return { root, existingSegments: [], pkg: undefined };
  return walkPackage(t, ref, identifier, blobs, (await readTree(t, ref, head.treeSha)).entries, root);
}

/** Looks in `manifests/`, then in `fonts/`: someone updating a package need not know which kind it is. */
export async function findPackage(
  t: Transport,
  ref: RepoRef,
  identifier: string,
  blobs: BlobIndex,
): Promise<PackageInfo | undefined> {
  if (!identifierSegments(identifier)) return undefined;
  return findPackageAt(t, ref, identifier, blobs, await defaultBranchHead(t, ref));
}

/** `findPackage` in `head`'s tree, for checks that must all look at the same commit. */
export async function findPackageAt(
  t: Transport,
  ref: RepoRef,
  identifier: string,
  blobs: BlobIndex,
  head: BranchHead,
): Promise<PackageInfo | undefined> {
  if (!identifierSegments(identifier)) return undefined;
  const top = (await readTree(t, ref, head.treeSha)).entries;
  for (const root of REPOSITORY_ROOTS) {
    const { pkg } = await walkPackage(t, ref, identifier, blobs, top, root);
    if (pkg) return pkg;
  }
  return undefined;
}

/** A file found while listing a package, by the blob the listing saw; the contents API when it was not seen. */
export async function readListedFile(t: Transport, ref: RepoRef, path: string, blobs: BlobIndex): Promise<RepoFile> {
  const sha = blobs.get(path);
  const text = sha ? await readBlobText(t, ref, sha, path) : await readFileText(t, ref, path);
  if (text === undefined) throw new GitHubError('not-found', `The file ${path} is no longer in the repository. Load the package again.`);
  return { name: path.slice(path.lastIndexOf('/') + 1), path, text };
}

export async function loadVersion(
  t: Transport,
  ref: RepoRef,
  pkg: PackageInfo,
  version: string,
  blobs: BlobIndex,
): Promise<RepoFile[]> {
  const found =
    pkg.versions.find((v) => v.version === version) ??
    pkg.versions.find((v) => v.version.toLowerCase() === version.toLowerCase());
  if (!found) {
    throw new GitHubError('not-found', `${pkg.identifier} has no version ${version} in the repository. Pick one of the listed versions.`);
  }
  return Promise.all(found.files.map((path) => readListedFile(t, ref, path, blobs)));
}
