/**
 * Converting a 0.1.0 preview manifest to a v1 multi-file set. The preview format used other field names,
 * comma-separated lists and case-insensitive enum values; the client matched its keys case-insensitively, so
 * this does too. The result is written at the default ManifestVersion.
 */
import { DEFAULT_MANIFEST_VERSION } from '../manifest-version';
import type {
  DefaultLocaleManifest,
  InstallerManifest,
  LocaleManifest,
  VersionManifest,
} from '../schema';
import type { ManifestSet } from './types';

type Obj = Record<string, unknown>;

const DEFAULT_LOCALE = 'en-US';
const SHORT_DESCRIPTION_MAX = 256;

const UPGRADE_BEHAVIORS: Record<string, string> = { install: 'install', uninstallprevious: 'uninstallPrevious' };
/** Preview switch name -> v1 switch name. `Language` has no v1 counterpart. */
const SWITCH_NAMES: Record<string, string> = {
  custom: 'Custom',
  silent: 'Silent',
  silentwithprogress: 'SilentWithProgress',
  interactive: 'Interactive',
  log: 'Log',
  installlocation: 'InstallLocation',
  update: 'Upgrade',
};

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Case-insensitive key lookup, as the client's preview reader did. */
function lookup(source: Obj, name: string): unknown {
  if (Object.hasOwn(source, name)) return source[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(source)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

function text(source: Obj, name: string): string | undefined {
  const value = lookup(source, name);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function lowerText(source: Obj, name: string): string | undefined {
  return text(source, name)?.toLowerCase();
}

/** `a, b,,c` -> ['a', 'b', 'c'], without repeats (v1 lists are uniqueItems). */
function commaList(source: Obj, name: string): string[] | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  const items = [...new Set(value.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
  return items.length > 0 ? items : undefined;
}

function setIf(target: Obj, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

function switches(source: Obj): Obj | undefined {
  const value = lookup(source, 'Switches');
  if (!isObj(value)) return undefined;
  const out: Obj = {};
  for (const [key, item] of Object.entries(value)) {
    const name = SWITCH_NAMES[key.toLowerCase()];
    if (name !== undefined && typeof item === 'string' && item !== '') out[name] = item;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function upgradeBehavior(source: Obj): string | undefined {
  const value = lowerText(source, 'UpdateBehavior');
  return value === undefined ? undefined : (UPGRADE_BEHAVIORS[value] ?? value);
}

/** Installer values that can sit at the preview root or in an installer. */
function installerValues(source: Obj, target: Obj): void {
  setIf(target, 'InstallerType', lowerText(source, 'InstallerType'));
  setIf(target, 'UpgradeBehavior', upgradeBehavior(source));
  setIf(target, 'PackageFamilyName', text(source, 'PackageFamilyName'));
  setIf(target, 'ProductCode', text(source, 'ProductCode'));
  setIf(target, 'InstallerSwitches', switches(source));
}

function convertInstaller(source: Obj): Obj {
  const out: Obj = {};
  setIf(out, 'Architecture', lowerText(source, 'Arch'));
  setIf(out, 'InstallerLocale', text(source, 'Language'));
  setIf(out, 'Scope', lowerText(source, 'Scope'));
  setIf(out, 'InstallerUrl', text(source, 'Url'));
  setIf(out, 'InstallerSha256', text(source, 'Sha256')?.toUpperCase());
  setIf(out, 'SignatureSha256', text(source, 'SignatureSha256')?.toUpperCase());
  installerValues(source, out);
  return out;
}

/** v1 needs a ShortDescription (at most 256 characters); the preview had only Description. */
function descriptions(source: Obj, target: Obj): void {
  const description = text(source, 'Description')?.trim();
  if (description === undefined || description === '') return;
  const firstLine = description.split(/\r?\n/)[0]!.trim();
  const short =
    firstLine.length <= SHORT_DESCRIPTION_MAX ? firstLine : `${firstLine.slice(0, SHORT_DESCRIPTION_MAX - 1).trimEnd()}…`;
  target.ShortDescription = short;
  if (short !== description) target.Description = description;
}

function localeValues(source: Obj, target: Obj): void {
  setIf(target, 'PackageUrl', text(source, 'Homepage'));
  setIf(target, 'LicenseUrl', text(source, 'LicenseUrl'));
  descriptions(source, target);
}

/** One Language shared by every installer names the default locale; otherwise en-US. */
function defaultLocaleTag(installers: Obj[]): string {
  const tags = new Set(installers.map((i) => text(i, 'Language')));
  const only = tags.size === 1 ? [...tags][0] : undefined;
  return only ?? DEFAULT_LOCALE;
}

export function previewToSet(value: Record<string, unknown>): ManifestSet {
  return convertPreview(value).set;
}

export interface ConvertedPreview {
  set: ManifestSet;
  /** For each `set.locales[n]`, the index of the `Localization` entry it came from (findings point back to it). */
  localeSources: number[];
}

export function convertPreview(value: Record<string, unknown>): ConvertedPreview {
  const manifestVersion = DEFAULT_MANIFEST_VERSION;
  const rawInstallers = lookup(value, 'Installers');
  const sourceInstallers = Array.isArray(rawInstallers) ? rawInstallers.filter(isObj) : [];
  const identity = { PackageIdentifier: text(value, 'Id'), PackageVersion: text(value, 'Version') };
  const localeTag = defaultLocaleTag(sourceInstallers);

  const version: Obj = { ...identity, DefaultLocale: localeTag, ManifestType: 'version', ManifestVersion: manifestVersion };

  const installer: Obj = { ...identity };
  setIf(installer, 'MinimumOSVersion', text(value, 'MinOSVersion'));
  // The client rejects a Channel in every format; keeping it lets the converted files say so too.
  setIf(installer, 'Channel', text(value, 'Channel'));
  installerValues(value, installer);
  setIf(installer, 'Commands', commaList(value, 'Commands'));
  setIf(installer, 'Protocols', commaList(value, 'Protocols'));
  setIf(installer, 'FileExtensions', commaList(value, 'FileExtensions'));
  installer.Installers = sourceInstallers.map(convertInstaller);
  installer.ManifestType = 'installer';
  installer.ManifestVersion = manifestVersion;

  const defaultLocale: Obj = { ...identity, PackageLocale: localeTag };
  setIf(defaultLocale, 'Publisher', text(value, 'Publisher'));
  setIf(defaultLocale, 'Author', text(value, 'Author'));
  setIf(defaultLocale, 'PackageName', text(value, 'Name'));
  setIf(defaultLocale, 'License', text(value, 'License'));
  setIf(defaultLocale, 'Moniker', text(value, 'AppMoniker'));
  setIf(defaultLocale, 'Tags', commaList(value, 'Tags'));
  localeValues(value, defaultLocale);

  const locales: Obj[] = [];
  const localeSources: number[] = [];
  const rawLocalizations = lookup(value, 'Localization');
  const seen = new Set([localeTag.toLowerCase()]);
  const entries = Array.isArray(rawLocalizations) ? rawLocalizations : [];
  for (const [source, entry] of entries.entries()) {
    if (!isObj(entry)) continue;
    const tag = text(entry, 'Language');
    if (tag === undefined) continue;
    const converted: Obj = {};
    localeValues(entry, converted);
    if (tag.toLowerCase() === localeTag.toLowerCase()) {
      // The default locale's own localization entry only fills what the root did not say.
      for (const [key, item] of Object.entries(converted)) if (defaultLocale[key] === undefined) defaultLocale[key] = item;
      continue;
    }
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    locales.push({ ...identity, PackageLocale: tag, ...converted, ManifestType: 'locale', ManifestVersion: manifestVersion });
    localeSources.push(source);
  }
  defaultLocale.ManifestType = 'defaultLocale';
  defaultLocale.ManifestVersion = manifestVersion;

  return {
    set: {
      version: version as unknown as VersionManifest,
      installer: installer as unknown as InstallerManifest,
      defaultLocale: defaultLocale as unknown as DefaultLocaleManifest,
      locales: locales as unknown as LocaleManifest[],
    },
    localeSources,
  };
}
