/**
 * Moving a package version to another ManifestVersion. Every file must carry the same ManifestVersion (client
 * rule B5), and a field the target version does not know would be an "Unknown field" there, so it is dropped
 * and reported for the user to see rather than silently lost.
 */
import { formatFieldPath } from '../findings';
import type { FieldPath } from '../findings';
import { fieldTree } from '../schema';
import type { FieldNode } from '../schema/field-tree';
import { clone } from './installers';
import type { ManifestFileKind, ManifestSet } from './types';

type Obj = Record<string, unknown>;

export interface DroppedField {
  file: ManifestFileKind | 'locale';
  /** Field path such as `Installers[0].InstallerSwitches.Repair`. */
  field: string;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Removes (in place) keys the node does not know, recording their paths. */
function prune(value: unknown, node: FieldNode, path: (string | number)[], dropped: FieldPath[]): void {
  if (node.kind === 'array') {
    if (Array.isArray(value)) value.forEach((item, i) => prune(item, node.item, [...path, i], dropped));
    return;
  }
  if (node.kind !== 'object' || !isObj(value)) return;
  for (const key of Object.keys(value)) {
    // Letter-case mistakes are a different problem (PascalCase), reported by validation, not a version gap.
    const entry = node.byLowerName.get(key.toLowerCase());
    if (entry === undefined) {
      if (value[key] !== undefined) dropped.push([...path, key]);
      delete value[key];
    } else {
      prune(value[key], entry.node, [...path, key], dropped);
    }
  }
}

function retarget<T>(
  file: T,
  type: 'version' | 'installer' | 'defaultLocale' | 'locale',
  version: string,
  dropped: DroppedField[],
): T {
  const copy = clone(file) as unknown as Obj;
  copy.ManifestVersion = version;
  const paths: FieldPath[] = [];
  prune(copy, fieldTree(type, version), [], paths);
  for (const path of paths) dropped.push({ file: type, field: formatFieldPath(path) });
  return copy as unknown as T;
}

/** The set with ManifestVersion changed in every file, without the fields that version does not know. */
export function setManifestVersion(
  set: ManifestSet,
  version: string,
): { set: ManifestSet; dropped: DroppedField[] } {
  const dropped: DroppedField[] = [];
  const next: ManifestSet = {
    version: retarget(set.version, 'version', version, dropped),
    installer: retarget(set.installer, 'installer', version, dropped),
    defaultLocale: retarget(set.defaultLocale, 'defaultLocale', version, dropped),
    locales: set.locales.map((locale) => retarget(locale, 'locale', version, dropped)),
  };
  return { set: next, dropped };
}
