/**
 * The Apps and Features version check of winget-pkgs' catalog step (the client's ValidateManifestArpVersion).
 * A package version covers the DisplayVersions its installers write, from the lowest to the highest; winget maps
 * an installed program to a package version by that range, so two versions of one package may not share any
 * DisplayVersion, bounds included. The version being replaced does not count against itself.
 */
import type { Installer } from '../core/schema';
import { installerFilePath, installersOf } from './manifest-installers';
import { readListedFile, type BlobIndex } from './packages';
import type { RepoRef } from './repository';
import type { Transport } from './transport';
import { ARP_OVERLAP_LABEL, type ArpVersionOverlap, type ArpVersionRange, type PackageInfo, type PackageVersionRef } from './types';
import { compareWingetVersions } from './versions';

// The client counts only these installer types: the ones whose Apps and Features entry it can read a version
// from. Portable and msix installers write entries too, but their DisplayVersions never form a range.
const RANGE_TYPES: ReadonlySet<string> = new Set(['exe', 'inno', 'msi', 'nullsoft', 'wix', 'burn']);

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** A zip is judged by what it holds, as the client does. */
function effectiveType(installer: Installer): string {
  const type = str(installer.InstallerType).toLowerCase();
  return type === 'zip' ? str(installer.NestedInstallerType).toLowerCase() : type;
}

/** The range of one package version's installers; undefined when none of them gives a DisplayVersion. */
export function arpVersionRange(installers: readonly Installer[]): ArpVersionRange | undefined {
  let range: ArpVersionRange | undefined;
  for (const installer of installers) {
    if (!RANGE_TYPES.has(effectiveType(installer))) continue;
    for (const entry of installer.AppsAndFeaturesEntries ?? []) {
      const version = str(entry.DisplayVersion);
      if (version === '') continue;
      if (!range) range = { min: version, max: version };
      else if (compareWingetVersions(version, range.min) < 0) range.min = version;
      else if (compareWingetVersions(version, range.max) > 0) range.max = version;
    }
  }
  return range;
}

export function rangesOverlap(a: ArpVersionRange, b: ArpVersionRange): boolean {
  return compareWingetVersions(a.min, b.max) <= 0 && compareWingetVersions(a.max, b.min) >= 0;
}

const showRange = (r: ArpVersionRange): string => (r.min === r.max ? r.min : `${r.min} to ${r.max}`);

function overlapMessage(own: ArpVersionRange, version: string, other: ArpVersionRange): string {
  return (
    `The Apps and Features DisplayVersions of this version (${showRange(own)}) overlap those of version ${version} ` +
    `(${showRange(other)}) in the repository, so winget could not tell which of the two is installed. winget-pkgs ` +
    `labels such pull requests ${ARP_OVERLAP_LABEL}: give each AppsAndFeaturesEntries DisplayVersion the value ` +
    'this installer writes to Apps and Features.'
  );
}

/** Ranges by installer-file blob sha: a blob never changes, so a second check of the package reads nothing again. */
export type ArpRangeCache = Map<string, ArpVersionRange | null>;

async function rangeOfVersion(
  t: Transport,
  ref: RepoRef,
  version: PackageVersionRef,
  blobs: BlobIndex,
  cache: ArpRangeCache,
): Promise<ArpVersionRange | undefined> {
  const path = installerFilePath(version.files);
  if (!path) return undefined;
  const sha = blobs.get(path);
  const cached = sha === undefined ? undefined : cache.get(sha);
  if (cached !== undefined) return cached ?? undefined;
  const range = arpVersionRange(installersOf([await readListedFile(t, ref, path, blobs)]));
  if (sha !== undefined) cache.set(sha, range ?? null);
  return range;
}

// A package can have hundreds of versions; a few reads at a time keep the check quick without a burst of requests.
const PARALLEL_READS = 6;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The repository's other versions of `pkg` whose range overlaps that of the submitted `installers`. */
export async function arpVersionOverlaps(
  t: Transport,
  ref: RepoRef,
  pkg: PackageInfo | undefined,
  version: string,
  installers: readonly Installer[],
  blobs: BlobIndex,
  cache: ArpRangeCache,
): Promise<ArpVersionOverlap[]> {
  const own = arpVersionRange(installers);
  if (!pkg || !own) return [];
  // The client skips the version being updated by its exact text, as the index stores it.
  const others = pkg.versions.filter((v) => v.version !== version);
  const ranges = await mapLimited(others, PARALLEL_READS, (v) => rangeOfVersion(t, ref, v, blobs, cache));
  return others.flatMap((other, i) => {
    const range = ranges[i];
    if (!range || !rangesOverlap(own, range)) return [];
    return [{ version: other.version, range, ownRange: own, label: ARP_OVERLAP_LABEL, message: overlapMessage(own, other.version, range) }];
  });
}
