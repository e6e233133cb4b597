/**
 * Model-level edits the store applies around the features' recipes: an empty set for a new manifest, keeping
 * the values every file must agree on (identity, default locale, ManifestVersion) in step, and adding or
 * removing a locale.
 */
import type { WritableManifestVersion } from '../core/manifest-version';
import { clone } from '../core/model/installers';
import type { ManifestSet } from '../core/model/types';
import { fieldTree } from '../core/schema';
import type { DefaultLocaleManifest, InstallerManifest, LocaleManifest, VersionManifest } from '../core/schema';
import { text } from './file-texts';

type Obj = Record<string, unknown>;

export const DEFAULT_LOCALE = 'en-US';

/** Empty required fields, one installer. Architecture has a value so that the installer shows in the YAML. */
export function emptySet(manifestVersion: WritableManifestVersion): ManifestSet {
  const identity = { PackageIdentifier: '', PackageVersion: '' };
  return {
    version: { ...identity, DefaultLocale: DEFAULT_LOCALE, ManifestType: 'version', ManifestVersion: manifestVersion } as VersionManifest,
    installer: {
      ...identity,
      Installers: [{ Architecture: 'x64', InstallerUrl: '', InstallerSha256: '' }],
      ManifestType: 'installer',
      ManifestVersion: manifestVersion,
    } as unknown as InstallerManifest,
    defaultLocale: {
      ...identity,
      PackageLocale: DEFAULT_LOCALE,
      Publisher: '',
      PackageName: '',
      License: '',
      ShortDescription: '',
      ManifestType: 'defaultLocale',
      ManifestVersion: manifestVersion,
    } as unknown as DefaultLocaleManifest,
    locales: [],
  };
}

function files(set: ManifestSet): Obj[] {
  return [set.version as Obj, set.installer as Obj, set.defaultLocale as Obj, ...(set.locales as Obj[])];
}

/** The value of `key` after an edit: the first file (in file order) where it changed, else unchanged. */
function editedValue(before: Obj[], after: Obj[], key: string): string | undefined {
  for (let i = 0; i < after.length; i++) {
    if (i < before.length && text(before[i]![key]) !== text(after[i]![key])) return text(after[i]![key]);
  }
  return undefined;
}

/**
 * Makes the files agree after a form edit (mutates `next`, a copy): an identity value edited in any file goes to
 * every file, DefaultLocale and the default locale's PackageLocale follow each other, and each file carries its
 * own ManifestType and the document's ManifestVersion.
 */
export function syncSet(previous: ManifestSet, next: ManifestSet, manifestVersion: string): void {
  const before = files(previous);
  const after = files(next);
  for (const key of ['PackageIdentifier', 'PackageVersion']) {
    const value = editedValue(before, after, key);
    if (value !== undefined) for (const file of after) file[key] = value;
  }
  const version = next.version as Obj;
  const defaultLocale = next.defaultLocale as Obj;
  if (text((previous.version as Obj).DefaultLocale) !== text(version.DefaultLocale)) {
    defaultLocale.PackageLocale = version.DefaultLocale;
  } else if (text((previous.defaultLocale as Obj).PackageLocale) !== text(defaultLocale.PackageLocale)) {
    version.DefaultLocale = defaultLocale.PackageLocale;
  }
  version.ManifestType = 'version';
  (next.installer as Obj).ManifestType = 'installer';
  defaultLocale.ManifestType = 'defaultLocale';
  for (const locale of next.locales as Obj[]) locale.ManifestType = 'locale';
  for (const file of after) file.ManifestVersion = manifestVersion;
}

const NOT_COPIED = new Set(['PackageIdentifier', 'PackageVersion', 'PackageLocale', 'ManifestType', 'ManifestVersion']);

export function localeTags(set: ManifestSet): string[] {
  return [text((set.defaultLocale as Obj).PackageLocale), ...set.locales.map((l) => text((l as Obj).PackageLocale))];
}

/** A locale file for `tag`, optionally holding the default locale's values that a locale file may carry. */
export function newLocale(set: ManifestSet, tag: string, copyFromDefault: boolean, manifestVersion: string): LocaleManifest {
  const version = set.version as Obj;
  const locale: Obj = { PackageIdentifier: version.PackageIdentifier, PackageVersion: version.PackageVersion, PackageLocale: tag };
  if (copyFromDefault) {
    const allowed = new Set(fieldTree('locale', manifestVersion).fields.map((f) => f.name));
    for (const [key, value] of Object.entries(set.defaultLocale as Obj)) {
      if (allowed.has(key) && !NOT_COPIED.has(key) && value !== undefined) locale[key] = clone(value);
    }
  }
  locale.ManifestType = 'locale';
  locale.ManifestVersion = manifestVersion;
  return locale as unknown as LocaleManifest;
}

/** The draft name people see until they rename it: `<PackageIdentifier> <PackageVersion>`. */
export function defaultDraftName(set: ManifestSet): string {
  const version = set.version as Obj;
  return `${text(version.PackageIdentifier)} ${text(version.PackageVersion)}`.trim() || 'Untitled manifest';
}
