/**
 * winget-pkgs keeps font packages in a tree of their own, `fonts/`, beside `manifests/`. A package is a font
 * package when one of its installers installs fonts: InstallerType font, or a zip whose NestedInstallerType is font.
 */
import { atLeast } from '../manifest-version';
import { ENUM_VALUE_INTRODUCED_IN } from '../schema/versioning';
import type { RepositoryRoot } from './paths';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const lower = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : '');

/** Before the schema had the `font` value (1.12.0) no manifest can describe a font installer. */
export function fontInstallersKnown(manifestVersion: string): boolean {
  return atLeast(manifestVersion, ENUM_VALUE_INTRODUCED_IN['INSTALLER_TYPES']!['font']!);
}

/** The client reads enum values case-insensitively; NestedInstallerType means something only inside a zip. */
export function isFontInstallerType(installerType: unknown, nestedInstallerType: unknown): boolean {
  const type = lower(installerType);
  return type === 'font' || (type === 'zip' && lower(nestedInstallerType) === 'font');
}

/** `installer`: an installer manifest as written, values at the root or per installer. */
export function isFontPackage(installer: unknown, manifestVersion: string): boolean {
  if (!isObj(installer) || !fontInstallersKnown(manifestVersion)) return false;
  const items = Array.isArray(installer['Installers']) ? installer['Installers'].filter(isObj) : [];
  // An installer's own value wins; an empty one is absent and inherits the root's, as the client reads it.
  const value = (item: Obj, key: string): string => lower(item[key]) || lower(installer[key]);
  return items.some((item) => isFontInstallerType(value(item, 'InstallerType'), value(item, 'NestedInstallerType')));
}

export function repositoryRoot(installer: unknown, manifestVersion: string): RepositoryRoot {
  return isFontPackage(installer, manifestVersion) ? 'fonts' : 'manifests';
}
