/** ManifestVersion handling: parsing, comparison, schema buckets and which fields each version knows. */

export const DEFAULT_MANIFEST_VERSION = '1.12.0';
export const LATEST_MANIFEST_VERSION = '1.28.0';
/**
 * The oldest version winget-pkgs accepts without the Manifest-Version-Deprecated label, and what most tools write
 * today: kept writable so a pull request made with them is fixed without rewriting every file's ManifestVersion.
 */
export const OLDEST_WRITABLE_MANIFEST_VERSION = '1.10.0';
/** The versions Wingsmith writes, oldest first. */
export const WRITABLE_MANIFEST_VERSIONS = [OLDEST_WRITABLE_MANIFEST_VERSION, DEFAULT_MANIFEST_VERSION, LATEST_MANIFEST_VERSION] as const;
export type WritableManifestVersion = (typeof WRITABLE_MANIFEST_VERSIONS)[number];

/** Versions that have a schema of their own; others map down to the largest one not above them (client rule C1). */
export const SCHEMA_VERSIONS = [
  '1.0.0', '1.1.0', '1.2.0', '1.4.0', '1.5.0', '1.6.0', '1.7.0', '1.9.0', '1.10.0', '1.12.0', '1.28.0',
] as const;
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];

const VERSION_PATTERN = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[^\s]*)?$/;

export interface ParsedManifestVersion {
  major: number;
  minor: number;
  patch: number;
  extension: string;
}

// Rules ask about the same handful of versions thousands of times per second; parse each text once.
const parsedCache = new Map<string, ParsedManifestVersion | undefined>();

export function parseManifestVersion(text: string): ParsedManifestVersion | undefined {
  if (parsedCache.has(text)) return parsedCache.get(text);
  const m = VERSION_PATTERN.exec(text.trim());
  const parts = m ? [m[1], m[2], m[3]].map((p) => (p === undefined ? 0 : Number(p))) : [];
  const parsed =
    m && !parts.some((n) => n > 65535)
      ? Object.freeze({ major: parts[0]!, minor: parts[1]!, patch: parts[2]!, extension: m[4]?.slice(1) ?? '' })
      : undefined;
  if (parsedCache.size < 256) parsedCache.set(text, parsed);
  return parsed;
}

export function compareManifestVersions(a: string, b: string): number {
  const pa = parseManifestVersion(a);
  const pb = parseManifestVersion(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa.major - pb.major || pa.minor - pb.minor || pa.patch - pb.patch;
}

export function isPreviewVersion(version: string): boolean {
  const p = parseManifestVersion(version);
  return p !== undefined && p.major < 1;
}

/** The schema a manifest of this version is checked against (1.3 -> 1.2, 1.11 -> 1.10, >= 1.28 -> 1.28, …). */
export function schemaVersionFor(version: string): SchemaVersion {
  let chosen: SchemaVersion = SCHEMA_VERSIONS[0];
  for (const candidate of SCHEMA_VERSIONS) {
    if (compareManifestVersions(candidate, version) <= 0) chosen = candidate;
  }
  return chosen;
}

/** True when `version` is at least `minimum` (both ManifestVersion strings). */
export function atLeast(version: string, minimum: string): boolean {
  return compareManifestVersions(version, minimum) >= 0;
}

export function isWritableVersion(version: string): version is WritableManifestVersion {
  return (WRITABLE_MANIFEST_VERSIONS as readonly string[]).includes(version);
}

/**
 * Where a version Wingsmith does not write moves to: the default (1.12.0) for anything up to it, since an older
 * set is upgraded anyway; 1.28.0 above. A writable version (1.10.0 too) is kept as it is.
 */
export function nearestWritableVersion(version: string): WritableManifestVersion {
  if (isWritableVersion(version)) return version;
  return compareManifestVersions(version, DEFAULT_MANIFEST_VERSION) <= 0 ? DEFAULT_MANIFEST_VERSION : LATEST_MANIFEST_VERSION;
}
