/**
 * Matching a new version's installers to the previous version's, so each new installer starts from the values of
 * the one it replaces (switches, scope, return codes…). Counts may differ: a package that adds an arm64 build
 * or drops a portable zip is the common case, so any number of new rows map to any previous row, or to none.
 */
import type { Installer } from '../schema';
import { clone, hoistInstallers } from './installers';
import type { InstallerManifestBase } from './installers';
import type { ManifestSet } from './types';
import { fileNameOfUrl } from './url-file-name';

type Obj = Record<string, unknown>;

export type InstallerFamily = 'exe' | 'msi' | 'msix' | 'zip' | 'portable' | 'other';

/** What is known of an installer before analysis: from its URL, or from the values typed or carried over. */
export interface InstallerTraits {
  architecture?: string;
  family?: InstallerFamily;
  scope?: string;
  locale?: string;
}

/** A row of the new version: a typed URL or an installer the set already holds. */
export interface NewInstallerRow extends InstallerTraits {
  url: string;
  sha256?: string;
}

/** Installer types that the client and the community treat alike when one replaces the other. */
export function installerFamily(type: unknown): InstallerFamily | undefined {
  switch (typeof type === 'string' ? type.toLowerCase() : '') {
    case 'exe': case 'inno': case 'nullsoft': case 'burn': return 'exe';
    case 'msi': case 'wix': return 'msi';
    case 'msix': case 'appx': return 'msix';
    case 'zip': return 'zip';
    case 'portable': return 'portable';
    case '': return undefined;
    default: return 'other';
  }
}

const ARCH_HINTS: [RegExp, string][] = [
  [/(^|[^a-z0-9])(arm64|aarch64)([^a-z0-9]|$)/, 'arm64'],
  [/(^|[^a-z0-9])(x64|amd64|win64|x86_64|64-?bit)([^a-z0-9]|$)/, 'x64'],
  [/(^|[^a-z0-9])(x86|i[36]86|win32|32-?bit|ia32)([^a-z0-9]|$)/, 'x86'],
  [/(^|[^a-z0-9])arm([^a-z0-9]|$)/, 'arm'],
];

const EXTENSION_FAMILY: Record<string, InstallerFamily> = {
  exe: 'exe', msi: 'msi', msix: 'msix', msixbundle: 'msix', appx: 'msix', appxbundle: 'msix', zip: 'zip',
};

/** Architecture, installer family and scope as a download's file name usually says them. */
export function traitsFromUrl(url: string): InstallerTraits {
  const name = fileNameOfUrl(url).toLowerCase();
  const traits: InstallerTraits = {};
  const arch = ARCH_HINTS.find(([pattern]) => pattern.test(name));
  if (arch) traits.architecture = arch[1];
  const family = EXTENSION_FAMILY[name.slice(name.lastIndexOf('.') + 1)];
  if (family) traits.family = family;
  if (/(^|[^a-z])(user|peruser)([^a-z]|$)/.test(name)) traits.scope = 'user';
  else if (/(^|[^a-z])(machine|system|allusers)([^a-z]|$)/.test(name)) traits.scope = 'machine';
  return traits;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The traits of an (expanded) installer of the manifest. */
export function installerTraits(installer: Installer): InstallerTraits {
  const obj = installer as unknown as Obj;
  const family = installerFamily(obj.InstallerType) ?? traitsFromUrl(String(obj.InstallerUrl ?? '')).family;
  const traits: InstallerTraits = {};
  const architecture = text(obj.Architecture);
  if (architecture) traits.architecture = architecture;
  if (family) traits.family = family;
  const scope = text(obj.Scope);
  if (scope) traits.scope = scope;
  const locale = text(obj.InstallerLocale);
  if (locale) traits.locale = locale;
  return traits;
}

/**
 * How well `row` fits `previous`: architecture weighs most (an x86 row never inherits x64 switches if an x86
 * installer exists), then the installer family, then scope and locale. Unknown traits neither help nor hurt.
 */
export function matchScore(row: InstallerTraits, previous: InstallerTraits): number {
  const part = (a: string | undefined, b: string | undefined, weight: number): number =>
    a === undefined || b === undefined ? 0 : a.toLowerCase() === b.toLowerCase() ? weight : -weight;
  return part(row.architecture, previous.architecture, 8) + part(row.family, previous.family, 4) +
    part(row.scope, previous.scope, 2) + part(row.locale, previous.locale, 1);
}

/**
 * For each new row, the index of the previous installer it continues, or undefined when nothing fits (a
 * mismatched architecture or family). Ties go to a previous installer no other row took yet, then to the first.
 */
export function matchInstallers(rows: readonly InstallerTraits[], previous: readonly InstallerTraits[]): (number | undefined)[] {
  const taken = new Set<number>();
  return rows.map((row) => {
    let best: number | undefined;
    let bestScore = -Infinity;
    previous.forEach((candidate, index) => {
      // A small bonus for an untaken installer spreads rows over previous ones before reusing any.
      const score = matchScore(row, candidate) + (taken.has(index) ? 0 : 0.5);
      if (score > bestScore) {
        bestScore = score;
        best = index;
      }
    });
    if (best === undefined || bestScore < 0) return undefined;
    taken.add(best);
    return best;
  });
}

/**
 * The set with its installers replaced by the rows: each row starts from the previous installer it maps to (or
 * from nothing), takes the row's URL, hash and known traits, and loses the values only the old build had.
 */
export function applyInstallerRows(
  set: ManifestSet,
  previousInstallers: readonly Installer[],
  rows: readonly NewInstallerRow[],
  mapping: readonly (number | undefined)[],
): ManifestSet {
  const next = clone(set);
  const root = next.installer as unknown as Obj;
  const installers = rows.map((row, i) => {
    const from = mapping[i];
    const base = from === undefined ? undefined : previousInstallers[from];
    const item: Obj = base ? clone(base as unknown as Obj) : {};
    delete item.SignatureSha256;
    delete item.ReleaseDate;
    item.InstallerUrl = row.url;
    item.InstallerSha256 = row.sha256 ?? '';
    if (row.architecture) item.Architecture = row.architecture;
    if (!item.Architecture) item.Architecture = 'neutral';
    if (row.scope) item.Scope = row.scope;
    if (row.locale) item.InstallerLocale = row.locale;
    if (row.family && installerFamily(item.InstallerType) !== row.family) {
      const type = typeForFamily(row.family);
      if (type) item.InstallerType = type;
      else delete item.InstallerType;
    }
    return item as unknown as Installer;
  });
  const base: InstallerManifestBase = {
    PackageIdentifier: String(root.PackageIdentifier ?? ''),
    PackageVersion: String(root.PackageVersion ?? ''),
    ManifestType: 'installer',
    ManifestVersion: String(root.ManifestVersion ?? ''),
  };
  if (typeof root.Channel === 'string') base.Channel = root.Channel;
  const hoisted = hoistInstallers(base, installers) as unknown as Obj;
  // hoistInstallers drops empty values; the hash stays as an empty field for the form to ask for.
  for (const item of hoisted.Installers as Obj[]) if (item.InstallerSha256 === undefined) item.InstallerSha256 = '';
  next.installer = hoisted as unknown as ManifestSet['installer'];
  return next;
}

/**
 * The InstallerType a file's family implies on its own; none for an .exe, which may be inno, nullsoft, burn or a
 * plain exe: analysis of the file tells, and a guess written here would only stand in its way.
 */
function typeForFamily(family: InstallerFamily): string | undefined {
  return family === 'other' || family === 'exe' ? undefined : family;
}

/** Values that name one build; still equal to the previous version's after the installer changed, they are stale. */
export const BUILD_IDENTITY_KEYS = ['DisplayVersion', 'ProductCode', 'UpgradeCode'] as const;

export interface StaleEntry {
  /** Index of the installer (0-based) in the expanded installers. */
  installer: number;
  /** Index in its AppsAndFeaturesEntries. */
  entry: number;
  key: (typeof BUILD_IDENTITY_KEYS)[number];
  value: string;
}

function entriesOf(installer: Installer): Obj[] {
  const entries = (installer as unknown as Obj).AppsAndFeaturesEntries;
  return Array.isArray(entries) ? entries.filter((e): e is Obj => typeof e === 'object' && e !== null) : [];
}

/**
 * AppsAndFeaturesEntries values of the current installers that still equal a previous installer's although
 * the installer itself changed (another URL or a new hash): analysis or the user should refresh them.
 */
export function staleAppsAndFeatures(previous: readonly Installer[], current: readonly Installer[]): StaleEntry[] {
  const previousUrls = new Set(previous.map((p) => String((p as unknown as Obj).InstallerUrl ?? '')));
  const previousValues = new Map<string, Set<string>>(BUILD_IDENTITY_KEYS.map((k) => [k, new Set<string>()]));
  for (const installer of previous) {
    for (const entry of entriesOf(installer)) {
      for (const key of BUILD_IDENTITY_KEYS) {
        const value = text(entry[key]);
        if (value) previousValues.get(key)!.add(value.toLowerCase());
      }
    }
  }
  const out: StaleEntry[] = [];
  current.forEach((installer, index) => {
    const obj = installer as unknown as Obj;
    const changed = !previousUrls.has(String(obj.InstallerUrl ?? '')) || text(obj.InstallerSha256) !== undefined;
    if (!changed) return;
    entriesOf(installer).forEach((entry, entryIndex) => {
      for (const key of BUILD_IDENTITY_KEYS) {
        const value = text(entry[key]);
        if (value && previousValues.get(key)!.has(value.toLowerCase())) out.push({ installer: index, entry: entryIndex, key, value });
      }
    });
  });
  return out;
}
