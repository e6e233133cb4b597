/**
 * Moving installer values between the manifest root and the installers. The editor works on the expanded view
 * (every installer holding every value that applies to it); files are written hoisted, with values shared by all
 * installers said once at the root, as Komac and wingetcreate write them.
 */
import type { Installer, InstallerManifest } from '../schema';

type Obj = Record<string, unknown>;

/** Keys that describe the file or the package version, never an installer. */
const ROOT_ONLY = new Set(['PackageIdentifier', 'PackageVersion', 'Channel', 'Installers', 'ManifestType', 'ManifestVersion']);
/** Required in every installer item by the schema (and not root properties at all), so never hoisted. */
const PER_INSTALLER = new Set(['Architecture', 'InstallerUrl', 'InstallerSha256', 'SignatureSha256']);
const SWITCHES = 'InstallerSwitches';

export interface InstallerManifestBase {
  PackageIdentifier: string;
  PackageVersion: string;
  Channel?: string;
  ManifestType: string;
  ManifestVersion: string;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** undefined, null, '', and lists or mappings that hold nothing else: values the client reads as absent. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.every(isEmptyValue);
  if (isObj(value)) return Object.values(value).every(isEmptyValue);
  return false;
}

/** Structural equality; key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** A copy of plain data (manifest values are strings, numbers, booleans, lists and mappings). */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isObj(value)) {
    const out: Obj = {};
    for (const [key, item] of Object.entries(value)) out[key] = clone(item);
    return out as T;
  }
  return value;
}

/** The values an installer inherits from the root: everything at the root but the file's own keys. */
function inheritedRootValues(manifest: Obj): [string, unknown][] {
  return Object.entries(manifest).filter(([key, value]) => !ROOT_ONLY.has(key) && !isEmptyValue(value));
}

/**
 * Each installer with every root-level installer value it inherits; installer keys win and InstallerSwitches
 * merge key by key. Plain inheritance: the client's per-type exceptions (ProductCode, PackageFamilyName, …)
 * are for validation to judge, not for the editor to hide.
 */
export function expandInstallers(manifest: InstallerManifest): Installer[] {
  const root = manifest as unknown as Obj;
  const inherited = inheritedRootValues(root);
  const installers = Array.isArray(root.Installers) ? (root.Installers as unknown[]) : [];
  return installers.map((raw) => {
    const own = isObj(raw) ? raw : {};
    const result: Obj = {};
    for (const [key, value] of inherited) result[key] = clone(value);
    for (const [key, value] of Object.entries(own)) {
      if (isEmptyValue(value)) continue;
      if (key === SWITCHES && isObj(value) && isObj(result[SWITCHES])) {
        const merged: Obj = { ...(result[SWITCHES] as Obj) };
        for (const [sk, sv] of Object.entries(value)) if (!isEmptyValue(sv)) merged[sk] = clone(sv);
        result[SWITCHES] = merged;
      } else {
        result[key] = clone(value);
      }
    }
    return result as Installer;
  });
}

/** Keys in first-seen order over all installers, so hoisted values keep the order authors used. */
function keysInOrder(installers: Obj[], pick: (installer: Obj) => Obj | undefined): string[] {
  const keys = new Set<string>();
  for (const installer of installers) {
    const source = pick(installer);
    if (source) for (const key of Object.keys(source)) keys.add(key);
  }
  return [...keys];
}

/** The value when every installer holds the same non-empty one, else undefined. */
function sharedValue(installers: Obj[], get: (installer: Obj) => unknown): unknown {
  const first = get(installers[0]!);
  if (isEmptyValue(first)) return undefined;
  return installers.every((installer) => deepEqual(get(installer), first)) ? first : undefined;
}

/**
 * The installer manifest with every value equal in all installers written once at the root (InstallerSwitches
 * key by key). Architecture, InstallerUrl, InstallerSha256 and SignatureSha256 always stay per installer.
 * Give it expanded installers (see expandInstallers); values already at the root of some old file are not seen.
 */
export function hoistInstallers(base: InstallerManifestBase, installers: Installer[]): InstallerManifest {
  const items = installers.map((installer) => {
    const copy: Obj = {};
    for (const [key, value] of Object.entries(installer as unknown as Obj)) {
      if (!isEmptyValue(value)) copy[key] = clone(value);
    }
    return copy;
  });
  const root: Obj = { PackageIdentifier: base.PackageIdentifier, PackageVersion: base.PackageVersion };
  if (base.Channel !== undefined && base.Channel !== '') root.Channel = base.Channel;
  if (items.length > 0) {
    for (const key of keysInOrder(items, (i) => i)) {
      if (PER_INSTALLER.has(key) || ROOT_ONLY.has(key)) continue;
      if (key === SWITCHES) {
        hoistSwitches(root, items);
        continue;
      }
      const shared = sharedValue(items, (i) => i[key]);
      if (shared === undefined) continue;
      root[key] = shared;
      for (const item of items) delete item[key];
    }
  }
  root.Installers = items;
  root.ManifestType = base.ManifestType;
  root.ManifestVersion = base.ManifestVersion;
  return root as unknown as InstallerManifest;
}

function hoistSwitches(root: Obj, items: Obj[]): void {
  const switchesOf = (i: Obj): Obj | undefined => (isObj(i[SWITCHES]) ? (i[SWITCHES] as Obj) : undefined);
  const hoisted: Obj = {};
  for (const key of keysInOrder(items, switchesOf)) {
    const shared = sharedValue(items, (i) => switchesOf(i)?.[key]);
    if (shared === undefined) continue;
    hoisted[key] = shared;
    for (const item of items) {
      const switches = switchesOf(item)!;
      delete switches[key];
      if (Object.keys(switches).length === 0) delete item[SWITCHES];
    }
  }
  if (Object.keys(hoisted).length > 0) root[SWITCHES] = hoisted;
}

/**
 * The canonical layout of an installer manifest: hoist(expand(m)). With no installers yet there is nothing to
 * expand into, so root values are kept as they are rather than lost.
 */
export function normalizeInstallerManifest(manifest: InstallerManifest): InstallerManifest {
  const root = manifest as unknown as Obj;
  if (!Array.isArray(root.Installers) || root.Installers.length === 0) return clone(manifest);
  const base: InstallerManifestBase = {
    PackageIdentifier: String(root.PackageIdentifier ?? ''),
    PackageVersion: String(root.PackageVersion ?? ''),
    ManifestType: String(root.ManifestType ?? 'installer'),
    ManifestVersion: String(root.ManifestVersion ?? ''),
  };
  if (typeof root.Channel === 'string') base.Channel = root.Channel;
  return hoistInstallers(base, expandInstallers(manifest));
}
