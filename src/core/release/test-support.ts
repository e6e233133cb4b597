/**
 * Test-only helpers (imported by *.test.ts, never by the app): releases and assets shaped as `src/github`
 * returns them, and manifest files read into a set through the project's own validator.
 */
import type { ManifestSet } from '../model/types';
import { validateManifest } from '../validate/validate-manifest';
import type { ReleaseAsset, ReleaseInfo } from './types';

let nextAssetId = 1000;

export function assetOf(owner: string, repo: string, tag: string, name: string, size = 1024): ReleaseAsset {
  return {
    id: nextAssetId++,
    name,
    size,
    browserDownloadUrl: `https://github.com/${owner}/${repo}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(name)}`,
  };
}

export function releaseOf(owner: string, repo: string, tag: string, names: readonly string[], extra: Partial<ReleaseInfo> = {}): ReleaseInfo {
  return {
    owner,
    repo,
    tag,
    name: tag,
    body: '',
    publishedAt: '2025-03-04T22:15:09Z',
    htmlUrl: `https://github.com/${owner}/${repo}/releases/tag/${encodeURIComponent(tag)}`,
    prerelease: false,
    assets: names.map((name) => assetOf(owner, repo, tag, name)),
    ...extra,
  };
}

/** The set the validator assembles from these files; throws when they do not make one. */
export function setFromFiles(files: readonly { name: string; path?: string; data: Uint8Array | string }[]): ManifestSet {
  const result = validateManifest(files.map((f) => ({ name: f.name, data: f.data, ...(f.path ? { path: f.path } : {}) })));
  if (!result.set) throw new Error(`no manifest set: ${JSON.stringify(result.findings.slice(0, 3))}`);
  return result.set;
}
