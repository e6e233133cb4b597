/**
 * Where a package version lives in the winget-pkgs layout:
 * `<root>/<first letter>/<identifier segments>/<version>/<files>`, the root being `manifests`, or `fonts` for a
 * font package (see font-package.ts).
 */
import type { ManifestFileKind } from '../model/types';

export const REPOSITORY_ROOTS = ['manifests', 'fonts'] as const;
export type RepositoryRoot = (typeof REPOSITORY_ROOTS)[number];

/** `manifests/g/Google/Chrome/EXE/124.0.6367.119/` for ('manifests', Google.Chrome.EXE, 124.0.6367.119). */
export function manifestFolder(root: RepositoryRoot, packageIdentifier: string, packageVersion: string): string {
  const partition = packageIdentifier.charAt(0).toLowerCase();
  return `${root}/${partition}/${packageIdentifier.split('.').join('/')}/${packageVersion}/`;
}

function isRootName(segment: string, ignoreCase: boolean): boolean {
  const name = ignoreCase ? segment.toLowerCase() : segment;
  return (REPOSITORY_ROOTS as readonly string[]).includes(name);
}

/**
 * The index of the root segment in a version folder's segments: the `manifests` or `fonts` nearest the end that
 * is followed by a one-character partition, an identifier (at least publisher and name) and a version, since a
 * prefix or an identifier segment may have the same name (Contoso.Fonts). -1 when there is none.
 */
export function rootSegmentIndex(folderSegments: readonly string[], ignoreCase = false): number {
  for (let i = folderSegments.length - 5; i >= 0; i--) {
    if (isRootName(folderSegments[i]!, ignoreCase) && folderSegments[i + 1]!.length === 1) return i;
  }
  return -1;
}

/**
 * Where a file's repository path starts, for judging it: the layout's root as above (any case), else the last
 * segment named like a root, so that a folder missing its partition is still found and reported. -1 when none.
 */
export function repositoryPathStart(folderSegments: readonly string[]): number {
  const start = rootSegmentIndex(folderSegments, true);
  if (start >= 0) return start;
  const lower = folderSegments.map((s) => s.toLowerCase());
  return Math.max(...REPOSITORY_ROOTS.map((root) => lower.lastIndexOf(root)));
}

/** `<Id>.yaml`, `<Id>.installer.yaml` or `<Id>.locale.<tag>.yaml`. A singleton is named like a version file. */
export function manifestFileName(
  packageIdentifier: string,
  kind: ManifestFileKind | 'singleton',
  locale?: string,
): string {
  switch (kind) {
    case 'installer':
      return `${packageIdentifier}.installer.yaml`;
    case 'defaultLocale':
    case 'locale':
      return `${packageIdentifier}.locale.${locale ?? ''}.yaml`;
    default:
      return `${packageIdentifier}.yaml`;
  }
}

/** What a file name says about itself; a path cannot tell a defaultLocale file from a locale file. */
export type PathFileKind = 'version' | 'installer' | 'locale';

export interface ManifestPathInfo {
  root: RepositoryRoot;
  /** `manifests/<letter>/…/<version>/` (or `fonts/…`), from the root segment on. */
  folder: string;
  /** The one-character folder right under the root as written. */
  partition: string;
  /** The identifier the folders spell (segments joined with dots). */
  packageIdentifier: string;
  packageVersion: string;
  /** Set when the path names a file inside the version folder. */
  fileName?: string;
  /** The identifier the file name starts with, when the name has a recognised shape. */
  fileIdentifier?: string;
  kind?: PathFileKind;
  locale?: string;
}

const LOCALE_FILE = /^(.+)\.locale\.([^./\\]+)\.yaml$/;
const INSTALLER_FILE = /^(.+)\.installer\.yaml$/;
const VERSION_FILE = /^(.+)\.yaml$/;

function parseFileName(name: string, folderId: string): Pick<ManifestPathInfo, 'fileIdentifier' | 'kind' | 'locale'> {
  // Prefer reading the name against the folder's identifier, so an identifier that itself ends in `.installer`
  // or contains `.locale.` is not misread.
  if (name.startsWith(`${folderId}.`)) {
    const rest = name.slice(folderId.length + 1);
    if (rest === 'yaml') return { fileIdentifier: folderId, kind: 'version' };
    if (rest === 'installer.yaml') return { fileIdentifier: folderId, kind: 'installer' };
    const locale = /^locale\.([^./\\]+)\.yaml$/.exec(rest);
    if (locale) return { fileIdentifier: folderId, kind: 'locale', locale: locale[1]! };
  }
  let m = LOCALE_FILE.exec(name);
  if (m) return { fileIdentifier: m[1]!, kind: 'locale', locale: m[2]! };
  m = INSTALLER_FILE.exec(name);
  if (m) return { fileIdentifier: m[1]!, kind: 'installer' };
  m = VERSION_FILE.exec(name);
  if (m) return { fileIdentifier: m[1]!, kind: 'version' };
  return {};
}

/**
 * Reads a repository path (a version folder or a file in one; `\` separators and any prefix before `manifests/`
 * or `fonts/` are accepted) back into identifier, version and file kind. Undefined when the path is not in that layout.
 */
export function parseManifestPath(path: string): ManifestPathInfo | undefined {
  const normalized = path.replaceAll('\\', '/');
  const isFolder = normalized.endsWith('/');
  const segments = normalized.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1];
  const fileName = isFolder || !last?.toLowerCase().endsWith('.yaml') ? undefined : last;
  const folderSegments = fileName === undefined ? segments : segments.slice(0, -1);
  const start = rootSegmentIndex(folderSegments);
  if (start < 0) return undefined;
  const root = folderSegments[start] as RepositoryRoot;
  const rest = folderSegments.slice(start + 1);
  const partition = rest[0]!;
  const packageVersion = rest[rest.length - 1]!;
  const idSegments = rest.slice(1, -1);
  const packageIdentifier = idSegments.join('.');
  const info: ManifestPathInfo = {
    root,
    folder: `${root}/${rest.join('/')}/`,
    partition,
    packageIdentifier,
    packageVersion,
  };
  if (fileName === undefined) return info;
  return { ...info, fileName, ...parseFileName(fileName, packageIdentifier) };
}
