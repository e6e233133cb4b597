/**
 * The files of the set as the YAML view holds them: which part of the model each file carries, its key and
 * name, and its text kept in step with the model. Only files whose value changed get new text, and a text that
 * does not parse is never replaced: it is the user's, and the model waits until it reads again.
 */
import { deepEqual } from '../core/model/installers';
import type { ManifestSet } from '../core/model/types';
import { manifestFileName } from '../core/repo/paths';
import { writeManifestFile } from '../core/yaml/write';
import { fieldTree } from '../core/schema';
import type { ManifestFileText } from './types';
import { applyCanonicalText } from './yaml-merge';

type Obj = Record<string, unknown>;
type FileKind = ManifestFileText['kind'];

export interface FilePart {
  key: string;
  kind: FileKind;
  /** Index in `set.locales` for a locale file. */
  index: number;
  value: Obj;
  name: string;
}

/** Used in file names until the package has an identifier. */
export const PLACEHOLDER_IDENTIFIER = 'manifest';

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function packageIdentifier(set: ManifestSet): string {
  return text((set.version as Obj).PackageIdentifier);
}

/** The parts of the set in file order: version, installer, defaultLocale, then locales as the model lists them. */
export function fileParts(set: ManifestSet): FilePart[] {
  const id = packageIdentifier(set) || PLACEHOLDER_IDENTIFIER;
  const defaultTag = text((set.defaultLocale as Obj).PackageLocale);
  const parts: FilePart[] = [
    { key: 'version', kind: 'version', index: 0, value: set.version as Obj, name: manifestFileName(id, 'version') },
    { key: 'installer', kind: 'installer', index: 0, value: set.installer as Obj, name: manifestFileName(id, 'installer') },
    {
      key: 'defaultLocale',
      kind: 'defaultLocale',
      index: 0,
      value: set.defaultLocale as Obj,
      name: manifestFileName(id, 'defaultLocale', defaultTag),
    },
  ];
  const seen = new Set<string>();
  set.locales.forEach((locale, index) => {
    const tag = text((locale as Obj).PackageLocale);
    // Two locale files may (wrongly) share a tag while the user types; keys must stay distinct regardless.
    let key = `locale:${tag}`;
    for (let n = 2; seen.has(key); n++) key = `locale:${tag}#${n}`;
    seen.add(key);
    parts.push({ key, kind: 'locale', index, value: locale as Obj, name: manifestFileName(id, 'locale', tag) });
  });
  return parts;
}

export function canonicalText(part: FilePart, manifestVersion: string, eol?: 'lf' | 'crlf'): string {
  return writeManifestFile(part.kind, part.value, { manifestVersion, ...(eol ? { eol } : {}) });
}

function eolOf(textValue: string): 'lf' | 'crlf' | undefined {
  return textValue.includes('\r\n') ? 'crlf' : undefined;
}

/** Texts for a whole set, canonical. */
export function writeFiles(set: ManifestSet, manifestVersion: string): ManifestFileText[] {
  return fileParts(set).map((part) => ({
    key: part.key,
    kind: part.kind,
    name: part.name,
    text: canonicalText(part, manifestVersion),
    parseFindings: [],
  }));
}

/** The previous file of the same part: by kind, and by position among the locales. */
function previousPart(parts: FilePart[], part: FilePart): FilePart | undefined {
  return parts.find((p) => p.kind === part.kind && p.index === part.index);
}

/**
 * Files for `next`, reusing the texts of `previous` where a part did not change. A changed part's text is the
 * canonical text, with the user's comments carried over when the old text had any.
 */
export function updateFiles(
  previousSet: ManifestSet,
  previousFiles: readonly ManifestFileText[],
  next: ManifestSet,
  manifestVersion: string,
  versionChanged: boolean,
): ManifestFileText[] {
  const oldParts = fileParts(previousSet);
  const files = fileParts(next).map((part) => {
    const oldPart = previousPart(oldParts, part);
    const oldFile = oldPart ? previousFiles[oldParts.indexOf(oldPart)] : undefined;
    if (!oldFile || !oldPart) {
      return { key: part.key, kind: part.kind, name: part.name, text: canonicalText(part, manifestVersion), parseFindings: [] };
    }
    const same = !versionChanged && deepEqual(oldPart.value, part.value);
    if (same || oldFile.parseFindings.length > 0) return renamed(oldFile, part);
    const canonical = canonicalText(part, manifestVersion, eolOf(oldFile.text));
    const nextText = applyCanonicalText(oldFile.text, canonical, fieldTree(part.kind, manifestVersion));
    return nextText === oldFile.text ? renamed(oldFile, part) : { ...oldFile, key: part.key, name: part.name, text: nextText };
  });
  // Unchanged files keep their identity, so views holding them do not re-render and nothing revalidates.
  const unchanged = files.length === previousFiles.length && files.every((f, i) => f === previousFiles[i]);
  return unchanged ? (previousFiles as ManifestFileText[]) : files;
}

function renamed(file: ManifestFileText, part: FilePart): ManifestFileText {
  return part.key === file.key && part.name === file.name ? file : { ...file, key: part.key, name: part.name };
}

/** File names and keys follow the model (identifier, locale tags) while texts stay as they are. */
export function renameFiles(set: ManifestSet, files: readonly ManifestFileText[]): ManifestFileText[] {
  const parts = fileParts(set);
  return files.map((file, i) => (parts[i] ? renamed(file, parts[i]) : file));
}
