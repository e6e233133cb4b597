/**
 * Which JSON Schema the YAML language server applies to which editor model. Pure, so it can be tested without
 * loading Monaco.
 */
import type { ManifestType } from '../../core/schema';
import type { ManifestFileText } from '../../document/types';

type FileKind = ManifestFileText['kind'];

const MODEL_ROOT = 'file:///wingsmith';
const FILE_KINDS: readonly FileKind[] = ['version', 'installer', 'defaultLocale', 'locale'];

/** Keeps a URI segment to characters no URI library re-encodes, so the string stays the model's identity. */
function safeSegment(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, (c) => `~${c.codePointAt(0)!.toString(16)}~`);
}

/**
 * The model URI of one file of a draft. Keyed by the file's stable key rather than its name: renaming the package
 * renames the files, and a new URI would mean a new model, losing the cursor and the undo history.
 */
export function modelUri(draftId: string, file: Pick<ManifestFileText, 'key' | 'kind'>): string {
  const draft = safeSegment(draftId || 'draft');
  if (file.kind === 'locale') {
    const tag = file.key.startsWith('locale:') ? file.key.slice('locale:'.length) : file.key;
    return `${MODEL_ROOT}/${draft}/locale/${safeSegment(tag)}.yaml`;
  }
  return `${MODEL_ROOT}/${draft}/${file.kind}.yaml`;
}

/** The `fileMatch` glob for models of this kind. The language server prefixes it with `**` + `/`. */
export function fileMatchFor(kind: FileKind): string {
  return kind === 'locale' ? 'wingsmith/*/locale/*.yaml' : `wingsmith/*/${kind}.yaml`;
}

/** The schema URL a manifest's `$schema=` header names, spelled as the core's writer and winget-pkgs spell it. */
export function schemaUrl(type: ManifestType, manifestVersion: string): string {
  return `https://aka.ms/winget-manifest.${type}.${manifestVersion}.schema.json`;
}

export interface SchemaAssociation {
  /** Schema identity; also what a matching `$schema=` header resolves to, so nothing is ever fetched. */
  uri: string;
  fileMatch: string[];
  type: ManifestType;
  manifestVersion: string;
}

const HEADER = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m;
const WINGET_SCHEMA =
  /^https:\/\/aka\.ms\/winget-manifest\.(version|installer|defaultlocale|locale|singleton)\.(\d+\.\d+\.\d+)\.schema\.json$/i;
const TYPE_BY_LOWER: Record<string, ManifestType> = {
  version: 'version',
  installer: 'installer',
  defaultlocale: 'defaultLocale',
  locale: 'locale',
  singleton: 'singleton',
};

/** The winget schema a file's `# yaml-language-server: $schema=` header names, if it names one. */
export function headerSchema(text: string): { uri: string; type: ManifestType; manifestVersion: string } | undefined {
  const header = HEADER.exec(text);
  if (!header) return undefined;
  const uri = header[1]!;
  const match = WINGET_SCHEMA.exec(uri);
  const type = match ? TYPE_BY_LOWER[match[1]!.toLowerCase()] : undefined;
  return match && type ? { uri, type, manifestVersion: match[2]! } : undefined;
}

/**
 * One association per file kind for the draft's ManifestVersion (by model URI), plus one per winget schema a
 * header names. The server lets a header win over `fileMatch`, and with schema requests off it cannot fetch one,
 * so every header URL that may appear is registered with the schema generated from the core.
 */
export function schemaAssociations(
  files: readonly Pick<ManifestFileText, 'kind' | 'text'>[],
  manifestVersion: string,
): SchemaAssociation[] {
  const byUri = new Map<string, SchemaAssociation>();
  const add = (uri: string, type: ManifestType, version: string, fileMatch?: string) => {
    let entry = byUri.get(uri);
    if (!entry) {
      entry = { uri, fileMatch: [], type, manifestVersion: version };
      byUri.set(uri, entry);
    }
    if (fileMatch && !entry.fileMatch.includes(fileMatch)) entry.fileMatch.push(fileMatch);
  };
  // Every kind, present or not: adding the first locale must not change the configuration (and restart the worker).
  for (const kind of FILE_KINDS) add(schemaUrl(kind, manifestVersion), kind, manifestVersion, fileMatchFor(kind));
  for (const file of files) {
    const header = headerSchema(file.text);
    if (header) add(header.uri, header.type, header.manifestVersion);
  }
  return [...byUri.values()].sort((a, b) => a.uri.localeCompare(b.uri));
}

/** Equal signatures mean equal associations; reconfiguring restarts the YAML worker, so it is done only on change. */
export function associationsSignature(associations: readonly SchemaAssociation[]): string {
  return associations.map((a) => `${a.uri}|${a.fileMatch.join(',')}`).join('\n');
}
