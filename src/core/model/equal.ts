/**
 * Equality of two package versions as the editor sees them: where an installer value is written (root or
 * installer), key order, empty values and the letter case of hashes make no difference.
 */
import type { InstallerManifest } from '../schema';
import { deepEqual, expandInstallers, isEmptyValue } from './installers';
import type { ManifestSet } from './types';

type Obj = Record<string, unknown>;

const HASH_FIELDS = new Set(['InstallerSha256', 'SignatureSha256', 'FileSha256']);
const INSTALLER_FILE_KEYS = ['PackageIdentifier', 'PackageVersion', 'Channel', 'ManifestType', 'ManifestVersion'];

export interface CanonicalSet {
  version: Obj;
  installer: Obj;
  defaultLocale: Obj;
  locales: Obj[];
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Empty values removed, keys sorted, hashes upper-cased; undefined when nothing is left. */
function canonicalValue(value: unknown, key: string): unknown {
  if (isEmptyValue(value)) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalValue(item, key)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isObj(value)) {
    const out: Obj = {};
    for (const k of Object.keys(value).sort()) {
      const c = canonicalValue(value[k], k);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (typeof value === 'string' && HASH_FIELDS.has(key)) return value.toUpperCase();
  return value;
}

function canonicalObject(value: unknown): Obj {
  const c = canonicalValue(value, '');
  return isObj(c) ? c : {};
}

function expandedInstallerFile(manifest: InstallerManifest): Obj {
  const root = manifest as unknown as Obj;
  // With no installers there is nothing to expand into; the root values are then all there is to compare.
  if (!Array.isArray(root.Installers) || root.Installers.length === 0) return root;
  const out: Obj = {};
  for (const key of INSTALLER_FILE_KEYS) out[key] = root[key];
  out.Installers = expandInstallers(manifest);
  return out;
}

function localeTag(locale: Obj): string {
  return typeof locale.PackageLocale === 'string' ? locale.PackageLocale : '';
}

/** A normal form of the set: two sets are equal for the editor exactly when their normal forms are deep-equal. */
export function canonicalSet(set: ManifestSet): CanonicalSet {
  const locales = set.locales
    .map(canonicalObject)
    .sort((a, b) => (localeTag(a) < localeTag(b) ? -1 : localeTag(a) > localeTag(b) ? 1 : 0));
  return {
    version: canonicalObject(set.version),
    installer: canonicalObject(expandedInstallerFile(set.installer)),
    defaultLocale: canonicalObject(set.defaultLocale),
    locales,
  };
}

export function manifestSetsEqual(a: ManifestSet, b: ManifestSet): boolean {
  return deepEqual(canonicalSet(a), canonicalSet(b));
}
