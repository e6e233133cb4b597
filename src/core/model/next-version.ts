/**
 * Turning a published package version into the draft of the next one. Values that describe this particular
 * build (version, release notes and date, hashes) would be wrong in the next version if carried over silently,
 * so they are emptied for the user (or the installers feature) to fill; everything else is kept as the previous
 * maintainer wrote it, locales included.
 */
import { clone } from './installers';
import type { ManifestSet } from './types';
import { setManifestVersion } from './upgrade';
import type { DroppedField } from './upgrade';

type Obj = Record<string, unknown>;

export interface NextVersionOptions {
  /** The ManifestVersion the draft is written in (raised from the previous version's). */
  manifestVersion: string;
  /** The new PackageVersion when known; empty otherwise, for the user to type. */
  packageVersion?: string;
}

/** Locale values that belong to one release. */
const RELEASE_LOCALE_KEYS = ['ReleaseNotes', 'ReleaseNotesUrl'] as const;
/** Installer values (root or per installer) that belong to one build. */
const BUILD_INSTALLER_KEYS = ['ReleaseDate'] as const;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clearInstallers(installer: Obj): void {
  for (const key of BUILD_INSTALLER_KEYS) delete installer[key];
  const items = Array.isArray(installer.Installers) ? installer.Installers : [];
  for (const item of items) {
    if (!isObj(item)) continue;
    for (const key of BUILD_INSTALLER_KEYS) delete item[key];
    // Kept as an empty string: the form shows the required field, the writer leaves the empty value out.
    item.InstallerSha256 = '';
    // Optional, unlike InstallerSha256: an empty one would only be noise in the form.
    delete item.SignatureSha256;
  }
}

/**
 * The set of the next version: PackageVersion set (or emptied) in every file, ReleaseNotes, ReleaseNotesUrl and
 * ReleaseDate removed, installer hashes emptied, ManifestVersion moved to `options.manifestVersion` (fields it
 * does not know are dropped and listed). The input is not changed.
 */
export function prepareNextVersion(
  previous: ManifestSet,
  options: NextVersionOptions,
): { set: ManifestSet; dropped: DroppedField[] } {
  const set = clone(previous);
  const version = options.packageVersion ?? '';
  const files: Obj[] = [set.version as Obj, set.installer as Obj, set.defaultLocale as Obj, ...(set.locales as Obj[])];
  for (const file of files) file.PackageVersion = version;
  for (const locale of [set.defaultLocale as Obj, ...(set.locales as Obj[])]) {
    for (const key of RELEASE_LOCALE_KEYS) delete locale[key];
  }
  clearInstallers(set.installer as Obj);
  return setManifestVersion(set, options.manifestVersion);
}

/** `<Id> (next version of <previous version>)`: the name of the draft a next version starts as. */
export function nextVersionDraftName(previous: ManifestSet): string {
  const version = previous.version as Obj;
  return `${String(version.PackageIdentifier ?? '')} (next version of ${String(version.PackageVersion ?? '')})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The URL with the previous version's text replaced by the new version, where it stands as a whole version
 * (not inside a longer number: `1.2` in `1.2.3` or `11.2` is left alone). Release URLs usually carry the version,
 * so a next-version draft can offer this instead of making the user retype every InstallerUrl.
 */
export function replaceVersionInUrl(url: string, previous: string, next: string): string {
  if (previous === '' || next === '' || previous === next) return url;
  const pattern = new RegExp(`(?<![0-9.])${escapeRegExp(previous)}(?![0-9A-Za-z]|\\.[0-9])`, 'g');
  return url.replace(pattern, next);
}
