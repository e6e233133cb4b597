import type { ManifestSet } from '../../core/model/types';

/** Characters Windows and most browsers refuse in a download name; identifiers never need them. */
const UNSAFE_NAME = /[\\/:*?"<>|]/g;

function safeName(name: string): string {
  return Array.from(name, (c) => (c.charCodeAt(0) < 0x20 ? '_' : c)).join('').replace(UNSAFE_NAME, '_');
}

export function zipFileName(set: ManifestSet): string {
  const id = String(set.version.PackageIdentifier ?? '').trim();
  const version = String(set.version.PackageVersion ?? '').trim();
  return safeName(`${id}-${version}.zip`);
}

/** Why the set cannot be exported yet, or undefined when it can. */
export function exportBlocker(set: ManifestSet): string | undefined {
  const id = String(set.version.PackageIdentifier ?? '').trim();
  const version = String(set.version.PackageVersion ?? '').trim();
  if (id === '' && version === '') return 'Fill in PackageIdentifier and PackageVersion to export.';
  if (id === '') return 'Fill in PackageIdentifier to export.';
  if (version === '') return 'Fill in PackageVersion to export.';
  return undefined;
}
