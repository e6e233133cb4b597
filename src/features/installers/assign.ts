/** Which installer a file's hash belongs to, and the set edits that put it there. Pure: recipes for `updateSet`. */
import { clone } from '../../core/model/installers';
import { fileNameOfUrl } from '../../core/model/url-file-name';
import type { ManifestSet } from '../../core/model/types';

type Obj = Record<string, unknown>;

/** The file name an InstallerUrl downloads (see fileNameOfUrl); undefined when it names none. */
export function urlFileName(url: string): string | undefined {
  return fileNameOfUrl(url) || undefined;
}

export function installersOf(set: ManifestSet): Obj[] {
  const list = (set.installer as unknown as Obj).Installers;
  return Array.isArray(list) ? (list as Obj[]) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Installers whose URL names this file: exact matches, else matches ignoring case (Windows names ignore it). */
export function installersForFile(set: ManifestSet, fileName: string): number[] {
  const names = installersOf(set).map((inst) => urlFileName(text(inst.InstallerUrl)));
  const exact = names.flatMap((name, i) => (name === fileName ? [i] : []));
  if (exact.length > 0) return exact;
  const lower = fileName.toLowerCase();
  return names.flatMap((name, i) => (name?.toLowerCase() === lower ? [i] : []));
}

/** Installers that already hold this hash (any case), so later edits find where a file's hash went. */
export function installersWithHash(set: ManifestSet, sha256: string): number[] {
  const upper = sha256.toUpperCase();
  return installersOf(set).flatMap((inst, i) => (text(inst.InstallerSha256).toUpperCase() === upper ? [i] : []));
}

export interface HashPlan {
  /** Installers to receive the hash (empty, or already equal). */
  assign: number[];
  /** Installers named by the file whose InstallerSha256 differs: shown as a problem, never replaced silently. */
  mismatch: number[];
  /** No installer names the file and none is blank: a new installer is made for it. */
  create: boolean;
  /** The blank installer the file fills (no InstallerUrl, no InstallerSha256), when no installer names it. */
  blank?: number;
}

/** True when installer `index` has an InstallerSha256 that is not `sha256` (any case): a hash not to overwrite silently. */
export function holdsOtherHash(set: ManifestSet, index: number, sha256: string): boolean {
  const current = text(installersOf(set)[index]?.InstallerSha256).trim().toUpperCase();
  return current !== '' && current !== sha256.toUpperCase();
}

/**
 * The first installer with neither an InstallerUrl nor an InstallerSha256 (its own or the installer file's root):
 * the empty one a new manifest starts with, or one the user added and has not filled yet.
 */
export function blankInstaller(set: ManifestSet): number | undefined {
  const rootSha = text((set.installer as unknown as Obj).InstallerSha256).trim();
  const urls = effectiveUrls(set);
  const index = installersOf(set).findIndex((inst, i) => urls[i] === '' && (text(inst.InstallerSha256).trim() || rootSha) === '');
  return index < 0 ? undefined : index;
}

/** The installers whose URL names the file; else the blank installer; else a new one (ui-contract "Hashing"). */
export function planHash(set: ManifestSet, fileName: string, sha256: string): HashPlan {
  const matches = installersForFile(set, fileName);
  const assign: number[] = [];
  const mismatch: number[] = [];
  for (const i of matches) (holdsOtherHash(set, i, sha256) ? mismatch : assign).push(i);
  if (matches.length > 0) return { assign, mismatch, create: false };
  const blank = blankInstaller(set);
  return blank === undefined ? { assign, mismatch, create: true } : { assign: [blank], mismatch, create: false, blank };
}

/** The URL each installer downloads: its own InstallerUrl, else the one written at the installer file's root. */
export function effectiveUrls(set: ManifestSet): string[] {
  const root = text((set.installer as unknown as Obj).InstallerUrl).trim();
  return installersOf(set).map((inst) => text(inst.InstallerUrl).trim() || root);
}

/**
 * For a download: the installers that download exactly this URL (several may, one per scope or locale). None is
 * no reason to add an installer: the user changed the URL meanwhile, and the row offers to assign the hash.
 */
export function planHashForUrl(set: ManifestSet, url: string, sha256: string): HashPlan {
  const wanted = url.trim();
  const assign: number[] = [];
  const mismatch: number[] = [];
  effectiveUrls(set).forEach((u, i) => {
    if (u === wanted) (holdsOtherHash(set, i, sha256) ? mismatch : assign).push(i);
  });
  return { assign, mismatch, create: false };
}

function withInstallers(set: ManifestSet, edit: (installers: Obj[]) => void): ManifestSet {
  const installers = installersOf(set).map((inst) => clone(inst));
  edit(installers);
  return { ...set, installer: { ...set.installer, Installers: installers } as ManifestSet['installer'] };
}

export function setHashes(set: ManifestSet, indexes: readonly number[], sha256: string): ManifestSet {
  return withInstallers(set, (installers) => {
    for (const i of indexes) if (installers[i]) installers[i].InstallerSha256 = sha256.toUpperCase();
  });
}

/** Appends an installer (the file's hash plus any values) and says where it went. */
export function addInstaller(set: ManifestSet, values: Obj): { set: ManifestSet; index: number } {
  const index = installersOf(set).length;
  return { set: withInstallers(set, (installers) => installers.push({ InstallerUrl: '', ...clone(values) })), index };
}

/** Takes the hash off installers that hold it (the user moved the file to another installer). */
export function clearHash(set: ManifestSet, sha256: string): ManifestSet {
  const holders = installersWithHash(set, sha256);
  if (holders.length === 0) return set;
  return withInstallers(set, (installers) => {
    for (const i of holders) installers[i]!.InstallerSha256 = '';
  });
}
