/**
 * What analysis found, merged into the manifest by one rule: findings fill empty fields; anything that would change
 * a value the user (or the manifest) already has is offered instead. Never an overwrite.
 */
import { clone, deepEqual, expandInstallers, isEmptyValue } from '../../core/model/installers';
import type { ManifestSet } from '../../core/model/types';
import type { Suggestion } from '../../installers/analyse';
import { installersOf } from './assign';

type Obj = Record<string, unknown>;

/** A suggestion bound to where it would go (the installer index matters only for installer fields). */
export interface Placed {
  suggestion: Suggestion;
  installer: number;
}

export interface MergeResult {
  set: ManifestSet;
  applied: Placed[];
  offered: Placed[];
}

export function currentValue(set: ManifestSet, placed: Placed): unknown {
  const { suggestion } = placed;
  if (suggestion.target === 'defaultLocale') return (set.defaultLocale as unknown as Obj)[suggestion.field];
  if (suggestion.target === 'version') return (set.version as unknown as Obj)[suggestion.field];
  return (expandInstallers(set.installer)[placed.installer] as Obj | undefined)?.[suggestion.field];
}

/** Writes the value where the suggestion says (the user accepted it, or the field was empty). */
export function applySuggestion(set: ManifestSet, placed: Placed): ManifestSet {
  const { field, target, value } = placed.suggestion;
  if (target === 'defaultLocale') return { ...set, defaultLocale: { ...set.defaultLocale, [field]: clone(value) } };
  if (target === 'version') {
    // PackageVersion is in every file; the store keeps identity keys in step, but all files are set so none lags.
    const put = <T extends object>(file: T): T => (field in file ? { ...file, [field]: clone(value) } : file);
    return { ...set, version: { ...set.version, [field]: clone(value) }, installer: put(set.installer), defaultLocale: put(set.defaultLocale) };
  }
  const installers = installersOf(set).map((inst) => clone(inst));
  const installer = installers[placed.installer];
  if (!installer) return set;
  installer[field] = clone(value);
  return { ...set, installer: { ...set.installer, Installers: installers } as ManifestSet['installer'] };
}

/**
 * Guesses the user must confirm even into an empty field: exe versus portable changes how winget runs the file.
 * Other guesses (version strings, x86 from a 32-bit stub) fill empty fields and are listed as filled, with their source.
 */
const ASK_WHEN_GUESSED = new Set(['InstallerType']);

/** Drops the keys the analyser marked (DisplayVersion) from entries where they only repeat the PackageVersion. */
function withoutVersionEcho(set: ManifestSet, item: Placed): Placed {
  const keys = item.suggestion.omitWhenEqualToPackageVersion;
  const version = (set.version as unknown as Obj).PackageVersion;
  if (!keys?.length || !Array.isArray(item.suggestion.value) || typeof version !== 'string' || version === '') return item;
  const value = item.suggestion.value.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return entry;
    return Object.fromEntries(Object.entries(entry as Obj).filter(([key, v]) => !(keys.includes(key) && v === version)));
  });
  return { ...item, suggestion: { ...item.suggestion, value } };
}

/**
 * Fills empty fields with findings; returns the rest as offers (already-equal values are dropped). Entries that
 * depend on PackageVersion are merged last, so they compare with the version this same analysis may have filled.
 */
export function mergeSuggestions(set: ManifestSet, placed: readonly Placed[], autoApply = true): MergeResult {
  let next = set;
  const applied: Placed[] = [];
  const offered: Placed[] = [];
  const dependsOnVersion = (item: Placed) => (item.suggestion.omitWhenEqualToPackageVersion?.length ?? 0) > 0;
  const ordered = [...placed.filter((item) => !dependsOnVersion(item)), ...placed.filter(dependsOnVersion)];
  for (const original of ordered) {
    const item = withoutVersionEcho(next, original);
    const current = currentValue(next, item);
    if (deepEqual(current, item.suggestion.value)) continue;
    const ask = !item.suggestion.certain && ASK_WHEN_GUESSED.has(item.suggestion.field);
    if (autoApply && !ask && isEmptyValue(current)) {
      next = applySuggestion(next, item);
      applied.push(item);
    } else {
      offered.push(item);
    }
  }
  return { set: next, applied, offered };
}

/** Short text of a suggested value for a button: strings as they are, lists and mappings summarised. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => (typeof item === 'object' && item !== null ? Object.values(item as Obj).filter((v) => typeof v === 'string').join(' / ') : valueText(item)));
    return items.join('; ');
  }
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return '';
}
