import { createHash } from 'node:crypto';

/**
 * Releases and repository metadata as the double stores them. Release and asset records use GitHub's own field
 * names, so tests can compare them with API answers directly.
 */

/** What GitHub's license detection found; the file itself lives at `path` on the default branch. */
export interface DoubleLicense {
  /** `NOASSERTION` when GitHub found a license file it could not identify. */
  spdx_id: string;
  key: string;
  name: string;
  path: string;
}

export interface RepoMeta {
  description: string | null;
  homepage: string | null;
  topics: string[];
  has_issues: boolean;
  /** Visible only to a token whose login is the owner; anyone else gets 404, as on GitHub. */
  private: boolean;
  license: DoubleLicense | null;
}

/** `setRepoMeta`'s input (and the control endpoint's); a license with `text` is committed as its file. */
export interface RepoMetaInput {
  description?: string | null;
  homepage?: string | null;
  topics?: string[];
  hasIssues?: boolean;
  private?: boolean;
  license?: { spdxId: string; key?: string; name?: string; path?: string; text: string } | null;
}

/** Reads `length` bytes at `offset`; the CDN streams through it, so a generated asset is never held whole. */
export type ByteReader = (offset: number, length: number) => Buffer;

export interface DoubleAsset {
  id: number;
  name: string;
  label: string | null;
  content_type: string;
  size: number;
  download_count: number;
  state: 'uploaded';
  created_at: string;
  updated_at: string;
  browser_download_url: string;
  /** The API URL (`…/releases/assets/{id}`). */
  url: string;
  /** The bytes of an asset given whole; absent for generated ones. */
  data?: Buffer;
  chunk: ByteReader;
  /** `sha256:…` as GitHub reports it; null for generated assets, which would take long to hash. */
  digest: string | null;
}

export interface DoubleRelease {
  id: number;
  tag_name: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  /** null while a draft. */
  published_at: string | null;
  /** Login of the author. */
  author: string;
  assets: DoubleAsset[];
}

export type AssetInput = { name: string; contentType?: string; label?: string } & (
  | { data: Buffer }
  | { size: number; chunk: ByteReader }
);

export interface ReleaseInput {
  tag: string;
  name?: string;
  body?: string;
  /** ISO date-time; now by default. Also the creation time, which orders releases. */
  publishedAt?: string;
  prerelease?: boolean;
  draft?: boolean;
  assets: AssetInput[];
}

export function defaultRepoMeta(): RepoMeta {
  return { description: null, homepage: null, topics: [], has_issues: true, private: false, license: null };
}

const CONTENT_TYPES: Record<string, string> = {
  exe: 'application/x-msdownload',
  msi: 'application/x-msi',
  zip: 'application/zip',
  msix: 'application/octet-stream',
  msixbundle: 'application/octet-stream',
  appx: 'application/octet-stream',
};

export function contentTypeOf(name: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** The bytes and reader of an asset input, without copying given data. */
export function assetBytes(input: AssetInput): { size: number; chunk: ByteReader; data?: Buffer; digest: string | null } {
  if ('data' in input) {
    const { data } = input;
    const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
    return { size: data.length, data, digest, chunk: (offset, length) => data.subarray(offset, offset + length) };
  }
  return { size: input.size, chunk: input.chunk, digest: null };
}

const BLOCK = 1 << 20;

/**
 * Deterministic, incompressible-looking bytes of any size, produced on demand: one random 1 MiB block repeated,
 * each copy stamped with its index so that no two blocks are equal. For benches serving GiB-sized assets.
 */
export function generatedBytes(size: number, seed = 1): { size: number; chunk: ByteReader } {
  let x = seed >>> 0 || 1;
  const block = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK; i += 4) {
    // xorshift32: fast, and good enough to defeat compression.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block.writeUInt32LE(x >>> 0, i);
  }
  const chunk: ByteReader = (offset, length) => {
    const end = Math.min(size, offset + length);
    const out = Buffer.allocUnsafe(Math.max(0, end - offset));
    for (let pos = offset; pos < end; ) {
      const index = Math.floor(pos / BLOCK);
      const inBlock = pos - index * BLOCK;
      const n = Math.min(BLOCK - inBlock, end - pos);
      const target = pos - offset;
      block.copy(out, target, inBlock, inBlock + n);
      // The stamp covers the block's first 8 bytes; write whatever part of it falls inside this slice.
      if (inBlock < 8) {
        const stamp = Buffer.alloc(8);
        stamp.writeBigUInt64LE(BigInt(index) ^ 0x5a5a5a5a5a5a5a5an);
        stamp.copy(out, target, inBlock, Math.min(8, inBlock + n));
      }
      pos += n;
    }
    return out;
  };
  return { size, chunk };
}

/** Newest first, as GitHub lists them (by creation time, later additions first on a tie). */
export function newestFirst(releases: DoubleRelease[]): DoubleRelease[] {
  return [...releases].sort((a, b) => (a.created_at === b.created_at ? b.id - a.id : a.created_at < b.created_at ? 1 : -1));
}

/** The latest release as GitHub defines it: the newest that is neither a draft nor a prerelease. */
export function latestRelease(releases: DoubleRelease[]): DoubleRelease | undefined {
  return newestFirst(releases).find((r) => !r.draft && !r.prerelease);
}
