/**
 * Where a field of the converted v1 set was written in the 0.1.0 preview file it came from, so that a finding
 * about `Installers[0].InstallerUrl` points at the preview's `Installers[0].Url` line and names that key.
 * The reverse of the renames in preview.ts; paths with no preview counterpart keep their nearest known parent.
 */
import type { FieldPath } from '../findings';
import type { ManifestFileKind } from './types';

/** v1 name -> preview name, where they differ. */
const IDENTITY: Readonly<Record<string, string>> = { PackageIdentifier: 'Id', PackageVersion: 'Version' };
const INSTALLER: Readonly<Record<string, string>> = {
  ...IDENTITY,
  Architecture: 'Arch',
  InstallerLocale: 'Language',
  InstallerUrl: 'Url',
  InstallerSha256: 'Sha256',
  UpgradeBehavior: 'UpdateBehavior',
  MinimumOSVersion: 'MinOSVersion',
  InstallerSwitches: 'Switches',
};
const LOCALE: Readonly<Record<string, string>> = {
  ...IDENTITY,
  PackageName: 'Name',
  Moniker: 'AppMoniker',
  PackageUrl: 'Homepage',
  ShortDescription: 'Description',
};
/** Comma-separated in the preview: an item index has no place of its own. */
const COMMA_LISTS = new Set(['Tags', 'Commands', 'Protocols', 'FileExtensions']);
/** Written by the converter, not read from the file: such findings point at the file's root. */
const DERIVED = new Set(['DefaultLocale', 'PackageLocale', 'ManifestType', 'ManifestVersion']);

export type PreviewSource = ManifestFileKind | { locale: number };

function renameTail(path: FieldPath, names: Readonly<Record<string, string>>): FieldPath {
  const [key, ...rest] = path;
  if (typeof key !== 'string') return path;
  if (DERIVED.has(key)) return [];
  if (COMMA_LISTS.has(key)) return [key];
  const renamed = names[key] ?? key;
  if (renamed === 'Switches' && rest[0] === 'Upgrade') return [renamed, 'Update', ...rest.slice(1)];
  return [renamed, ...rest];
}

/** The preview path of `path` in the converted file `source`; `localeSources` maps extra locales to Localization entries. */
export function previewPath(source: PreviewSource, path: FieldPath, localeSources: readonly number[]): FieldPath {
  if (typeof source === 'object') {
    const [key] = path;
    if (key === 'PackageIdentifier' || key === 'PackageVersion') return renameTail(path, IDENTITY);
    const entry = localeSources[source.locale];
    if (entry === undefined) return [];
    if (key === 'PackageLocale') return ['Localization', entry, 'Language'];
    return ['Localization', entry, ...renameTail(path, LOCALE)];
  }
  if (source === 'installer') {
    if (path[0] === 'Installers' && typeof path[1] === 'number') return ['Installers', path[1], ...renameTail(path.slice(2), INSTALLER)];
    return renameTail(path, INSTALLER);
  }
  return renameTail(path, source === 'version' ? IDENTITY : LOCALE);
}
