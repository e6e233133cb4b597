import { generatedBytes, type AssetInput, type RepoMetaInput } from './release-state';
import type { DoubleState } from './state';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optString(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}

function metaOf(raw: Record<string, unknown>): RepoMetaInput {
  const meta: RepoMetaInput = {};
  for (const key of ['description', 'homepage'] as const) {
    const v = raw[key];
    if (typeof v === 'string' || v === null) meta[key] = v;
  }
  if (Array.isArray(raw.topics)) meta.topics = raw.topics.filter((t): t is string => typeof t === 'string');
  if (typeof raw.hasIssues === 'boolean') meta.hasIssues = raw.hasIssues;
  if (typeof raw.private === 'boolean') meta.private = raw.private;
  if (raw.license === null) meta.license = null;
  else if (isRecord(raw.license)) {
    const l = raw.license;
    const spdxId = optString(l, 'spdxId');
    if (!spdxId) throw new Error('repo license needs spdxId');
    const [key, name, path] = [optString(l, 'key'), optString(l, 'name'), optString(l, 'path')];
    meta.license = { spdxId, text: optString(l, 'text') ?? `${spdxId} license\n`, ...(key ? { key } : {}), ...(name ? { name } : {}), ...(path ? { path } : {}) };
  }
  return meta;
}

/** An asset given as `base64`, or generated on demand from `size` (and `seed`) for large downloads. */
function assetOf(raw: unknown): AssetInput {
  if (!isRecord(raw) || typeof raw.name !== 'string') throw new Error('every asset needs a name');
  const extra = { ...(typeof raw.contentType === 'string' ? { contentType: raw.contentType } : {}), ...(typeof raw.label === 'string' ? { label: raw.label } : {}) };
  if (typeof raw.base64 === 'string') return { name: raw.name, data: Buffer.from(raw.base64, 'base64'), ...extra };
  if (typeof raw.size === 'number') return { name: raw.name, ...generatedBytes(raw.size, typeof raw.seed === 'number' ? raw.seed : 1), ...extra };
  throw new Error(`asset ${raw.name} needs base64 or size`);
}

/**
 * `POST /_double/release`: `{ owner, repo, tag, name?, body?, publishedAt?, prerelease?, draft?, assets: [{ name,
 * base64 } | { name, size, seed? }], repoMeta?: { description, homepage, topics, hasIssues, private, license:
 * { spdxId, key?, name?, path?, text } } }`. `repo` may also be an object `{ name, …metadata }`. Creates the
 * repository (with a README) when it is missing.
 */
export function controlRelease(state: DoubleState, body: Record<string, unknown>) {
  const owner = optString(body, 'owner');
  const repoField = body.repo;
  const name = typeof repoField === 'string' ? repoField : isRecord(repoField) ? optString(repoField, 'name') : undefined;
  const tag = optString(body, 'tag');
  if (!owner || !name || !tag) throw new Error('a release needs owner, repo and tag');
  if (!state.repo(`${owner}/${name}`)) state.createRepo(owner, name, { 'README.md': `# ${name}\n` }, 'main');
  const rawMeta = isRecord(body.repoMeta) ? body.repoMeta : isRecord(repoField) ? repoField : undefined;
  if (rawMeta) state.setRepoMeta(`${owner}/${name}`, metaOf(rawMeta));
  const release = state.addRelease(owner, name, {
    tag,
    assets: (Array.isArray(body.assets) ? body.assets : []).map(assetOf),
    ...(optString(body, 'name') !== undefined ? { name: optString(body, 'name') } : {}),
    ...(optString(body, 'body') !== undefined ? { body: optString(body, 'body') } : {}),
    ...(optString(body, 'publishedAt') !== undefined ? { publishedAt: optString(body, 'publishedAt') } : {}),
    prerelease: body.prerelease === true,
    draft: body.draft === true,
  });
  const repo = state.mustRepo(`${owner}/${name}`);
  return {
    id: release.id,
    tag: release.tag_name,
    htmlUrl: `${state.urls.releaseWeb}/${repo.owner}/${repo.name}/releases/tag/${encodeURIComponent(release.tag_name)}`,
    assets: release.assets.map((a) => ({ id: a.id, name: a.name, size: a.size, url: a.url, browserDownloadUrl: a.browser_download_url })),
  };
}
