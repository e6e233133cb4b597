/**
 * Which fields a group shows up front, which wait behind "More fields", and which only matter for some installer
 * types. The fields themselves always come from the field tree; these are only priorities and conditions.
 */
import type { FieldEntry, ObjectNode } from '../../core/schema';

/** Keys that belong to the file rather than to what the user describes; the Package section edits them. */
export const FILE_KEYS = new Set(['PackageIdentifier', 'PackageVersion', 'ManifestType', 'ManifestVersion']);

/** The short path through an installer; everything required by the schema is up front as well. */
const COMMON_INSTALLER = new Set(['Architecture', 'InstallerType', 'Scope', 'InstallerUrl', 'InstallerSha256']);

/** Free text long enough to deserve a text area. */
const LONG_TEXT = new Set(['Description', 'ReleaseNotes', 'InstallationNotes', 'Agreement']);

export function isLongText(name: string): boolean {
  return LONG_TEXT.has(name);
}

/** Reads the effective (own, else inherited) value of a key of the installer the field belongs to. */
export type EffectiveValue = (key: string) => string;

const isMsix = (get: EffectiveValue) => ['msix', 'appx'].includes(get('InstallerType'));
const isArchive = (get: EffectiveValue) => get('InstallerType') === 'zip';

interface Condition {
  applies: (get: EffectiveValue) => boolean;
  /** Shown up front when it applies; otherwise it waits behind "More fields" like any other. */
  upFront: boolean;
}

/** Fields that only mean something for some installer types, with the test that says when they do. */
export const CONDITIONS: Readonly<Record<string, Condition>> = {
  NestedInstallerType: { applies: isArchive, upFront: true },
  NestedInstallerFiles: { applies: isArchive, upFront: true },
  ArchiveBinariesDependOnPath: { applies: isArchive, upFront: false },
  SignatureSha256: { applies: isMsix, upFront: true },
  PackageFamilyName: { applies: isMsix, upFront: true },
  Capabilities: { applies: isMsix, upFront: false },
  RestrictedCapabilities: { applies: isMsix, upFront: false },
  PortableCommandAlias: { applies: (get) => get('NestedInstallerType') === 'portable', upFront: true },
};

export type Placement = 'common' | 'more' | 'hidden';

/** `nested` is anything inside a row or a nested mapping: all of it shows once its parent does. */
export type GroupKind = 'package' | 'locale' | 'installerRoot' | 'installer' | 'nested';

/** The keys a locale group shows up front: what the default locale requires. */
export function localeCommonKeys(defaultLocaleTree: ObjectNode): ReadonlySet<string> {
  return new Set(defaultLocaleTree.required);
}

/**
 * Where a field goes. A conditional field shows when its condition holds, and is hidden otherwise unless it holds
 * a value (so that the user can see and clear it).
 */
export function placement(
  entry: FieldEntry,
  group: GroupKind,
  commonKeys: ReadonlySet<string>,
  get: EffectiveValue,
  hasValue: boolean,
): Placement {
  const condition = CONDITIONS[entry.name];
  const upFront =
    group === 'nested' || group === 'package' || (condition ? condition.upFront : commonKeys.has(entry.name));
  if (condition && !condition.applies(get) && !hasValue) return 'hidden';
  return upFront ? 'common' : 'more';
}

export const INSTALLER_COMMON_KEYS: ReadonlySet<string> = COMMON_INSTALLER;

const ACRONYMS: Readonly<Record<string, string>> = { Url: 'URL', Sha256: 'SHA-256', Id: 'ID', Os: 'OS', Dsc: 'DSC' };

/** "PackageIdentifier" -> "Package identifier", shown beside the key for people who do not know the schema. */
export function friendlyName(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ');
  return words
    .map((w) => ACRONYMS[w] ?? w)
    .map((w, i) => (i === 0 || /^[A-Z0-9]{2,}/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}
