/**
 * Which release asset replaces each installer of the previous version. Release assets are usually named after
 * the version (`tool-1.2.0-x64.msi`), so the previous file name with its version replaced names the new asset;
 * when that works for every installer the mapping needs no question. Otherwise every installer asset is offered
 * with the previous installer its traits suggest, for the user to confirm.
 */
import { installerTraits, matchInstallers } from '../model/installer-matching';
import type { InstallerTraits } from '../model/installer-matching';
import { expandInstallers } from '../model/installers';
import { replaceVersionInUrl } from '../model/next-version';
import type { ManifestSet } from '../model/types';
import { isInstallerAsset, traitsOfFileName } from './assets';
import { fileNameOfUrl, parseReleaseDownload } from './download-url';
import { versionFromTag } from './tag-version';
import type { ReleaseAsset, ReleaseInfo } from './types';

/** An installer of the previous version: its URL, and what the manifest says of it when known. */
export interface PreviousInstaller {
  url: string;
  /** Architecture, family, scope, locale; read from the URL's file name when absent. */
  traits?: InstallerTraits;
}

/** A new installer: the asset it downloads and the index of the previous installer it continues, if any. */
export interface AssetRow {
  asset: ReleaseAsset;
  previous?: number;
}

export interface AssetMapping {
  /** Every previous installer found its own asset by name: `rows` can be applied without asking. */
  automatic: boolean;
  /** Automatic: one row per previous installer, in their order. Otherwise: the installer assets to confirm. */
  rows: AssetRow[];
  /** Installer assets no row downloads (a build the previous version did not have); empty when not automatic. */
  unused: ReleaseAsset[];
}

/** The previous installers of a set, expanded, with the traits the manifest gives them. */
export function previousInstallersOf(set: ManifestSet): PreviousInstaller[] {
  return expandInstallers(set.installer).map((installer) => {
    const url = (installer as unknown as Record<string, unknown>).InstallerUrl;
    return { url: typeof url === 'string' ? url : '', traits: installerTraits(installer) };
  });
}

/**
 * The file name the new release would give the previous URL's file: the previous version, and the version of
 * the URL's own release tag (`v1.2.0` → `1.2.0`, when PackageVersion is written otherwise), replaced by the new
 * version wherever it stands as a whole version. Longest first, so that `1.2.0` is never half-replaced as `1.2`.
 */
export function expectedFileName(url: string, previousVersion: string, nextVersion: string): string {
  const tag = parseReleaseDownload(url)?.tag;
  const versions = [...new Set([previousVersion, tag === undefined ? '' : versionFromTag(tag)])]
    .filter((v) => v !== '')
    .sort((a, b) => b.length - a.length);
  let name = fileNameOfUrl(url);
  for (const version of versions) name = replaceVersionInUrl(name, version, nextVersion);
  return name;
}

/** Traits as a file name can show them: a portable installer is an `.exe` file like any other. */
function asFile(traits: InstallerTraits): InstallerTraits {
  return traits.family === 'portable' ? { ...traits, family: 'exe' } : traits;
}

/** The one asset of that name: exactly, else ignoring case when that leaves a single one. */
function assetNamed(name: string, assets: readonly ReleaseAsset[]): ReleaseAsset | undefined {
  const exact = assets.find((asset) => asset.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  const loose = assets.filter((asset) => asset.name.toLowerCase() === lower);
  return loose.length === 1 ? loose[0] : undefined;
}

export function mapAssetsToInstallers(
  previous: readonly PreviousInstaller[],
  previousVersion: string,
  release: ReleaseInfo,
): AssetMapping {
  const installers = release.assets.filter((asset) => isInstallerAsset(asset.name));
  const nextVersion = versionFromTag(release.tag);
  // Installers sharing one URL (one exe installed per user or per machine) are one download: one asset for all.
  const byUrl = new Map<string, ReleaseAsset | undefined>();
  for (const { url } of previous) {
    if (url !== '' && !byUrl.has(url)) byUrl.set(url, assetNamed(expectedFileName(url, previousVersion, nextVersion), installers));
  }
  const found = [...byUrl.values()];
  const distinct = new Set(found);
  const automatic = previous.length > 0 && previous.every((p) => p.url !== '') &&
    found.every((asset) => asset !== undefined) && distinct.size === found.length;
  if (automatic) {
    const rows = previous.map((p, index) => ({ asset: byUrl.get(p.url)!, previous: index }));
    return { automatic, rows, unused: installers.filter((asset) => !distinct.has(asset)) };
  }
  return { automatic, rows: suggestedRows(previous, installers, byUrl), unused: [] };
}

/**
 * Every installer asset once, in release order, except that an asset some previous installers found by name
 * comes once for each of them (so a per-user and a per-machine installer of one exe stay two rows). The others
 * get the previous installer their traits match best. Installers with no URL (the blank one a new manifest
 * starts with) are never suggested: their placeholder values describe no build.
 */
function suggestedRows(
  previous: readonly PreviousInstaller[],
  installers: readonly ReleaseAsset[],
  byUrl: ReadonlyMap<string, ReleaseAsset | undefined>,
): AssetRow[] {
  const named = new Map<ReleaseAsset, number[]>();
  previous.forEach((p, index) => {
    const asset = byUrl.get(p.url);
    if (asset) named.set(asset, [...(named.get(asset) ?? []), index]);
  });
  const others = installers.filter((asset) => !named.has(asset));
  const candidates = previous.map((_, index) => index).filter((index) => previous[index]!.url !== '');
  const candidateTraits = candidates.map((index) => asFile(previous[index]!.traits ?? traitsOfFileName(fileNameOfUrl(previous[index]!.url))));
  const matches = matchInstallers(others.map((asset) => traitsOfFileName(asset.name)), candidateTraits);
  const suggestion = new Map(others.map((asset, i) => [asset, matches[i]] as const));
  return installers.flatMap((asset): AssetRow[] => {
    const indices = named.get(asset);
    if (indices) return indices.map((index) => ({ asset, previous: index }));
    const match = suggestion.get(asset);
    return [match === undefined ? { asset } : { asset, previous: candidates[match]! }];
  });
}
