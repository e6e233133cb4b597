/**
 * Test-only: builds a RuleContext from YAML text the way the pipeline does (text scalars, the integer and
 * boolean fields converted, empty values dropped), with `at` backed by the documents' node positions.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { formatFieldPath, type FieldPath } from '../../findings';
import { DEFAULT_MANIFEST_VERSION } from '../../manifest-version';
import { singletonToSet } from '../../model/singleton';
import type { ManifestFileKind, ManifestSet } from '../../model/types';
import type { SingletonManifest } from '../../schema';
import type { Place, RuleContext, RuleFile, RuleFileInfo } from './rule-context';
import { toDword } from './installer-field-rules';

const INTEGER_FIELDS = new Set(['InstallerSuccessCodes', 'InstallerReturnCode']);
const BOOLEAN_FIELDS = new Set([
  'InstallerAbortsTerminal', 'InstallLocationRequired', 'RequireExplicitUpgrade', 'DisplayInstallWarnings',
  'DownloadCommandProhibited', 'ArchiveBinariesDependOnPath',
]);

interface ParsedFile {
  name: string;
  doc: Document;
  lines: LineCounter;
  value: Record<string, unknown>;
  info: RuleFileInfo;
}

function convert(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((v) => convert(v, key)).filter((v) => v !== undefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = convert(v, k);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  if (value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  if (INTEGER_FIELDS.has(key)) return toDword(value) ?? value;
  if (BOOLEAN_FIELDS.has(key) && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

function headerOf(text: string): RuleFileInfo['header'] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line === '---') continue;
    if (!line.startsWith('#')) return undefined;
    if (line.includes('yaml-language-server')) return { line: i + 1, text: lines[i]!.replace(/\r$/, '') };
  }
  return undefined;
}

function parseFile(name: string, text: string): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { schema: 'failsafe', lineCounter: lines });
  const value = (convert(doc.toJS(), '') ?? {}) as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof value[k] === 'string' ? (value[k] as string) : undefined);
  const info: RuleFileInfo = { name, manifestType: str('ManifestType') ?? '', header: headerOf(text) };
  const own = str('ManifestVersion');
  if (own !== undefined) info.manifestVersion = own;
  return { name, doc, lines, value, info };
}

/** The key (for a map entry) or the item (for a sequence entry) at `path`, or its nearest existing ancestor. */
function locate(file: ParsedFile, path: FieldPath): { line: number; column: number } {
  let node: Node | null | undefined = file.doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const step of path) {
    if (isMap(node) && typeof step === 'string') {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      node = node.items[step] as Node;
      offset = node.range?.[0] ?? offset;
    } else break;
  }
  const pos = file.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export interface KitOptions {
  full?: boolean;
}

export interface Kit {
  ctx: RuleContext;
  set: ManifestSet;
  singleton: boolean;
}

/** `files`: file name -> YAML text. One singleton file, or the files of one multi-file set. */
export function contextFrom(files: Record<string, string>, options: KitOptions = {}): Kit {
  const parsed = Object.entries(files).map(([name, text]) => parseFile(name, text));
  const byKind = new Map<ManifestFileKind, ParsedFile>();
  const locales: ParsedFile[] = [];
  let singleton = false;
  for (const f of parsed) {
    const type = f.info.manifestType;
    if (type === 'singleton') {
      singleton = true;
      for (const k of ['version', 'installer', 'defaultLocale'] as const) byKind.set(k, f);
    } else if (type === 'locale') locales.push(f);
    else if (type === 'version' || type === 'installer' || type === 'defaultLocale') byKind.set(type, f);
  }
  const get = (k: ManifestFileKind): ParsedFile => {
    const f = byKind.get(k);
    if (!f) throw new Error(`test kit: no ${k} file`);
    return f;
  };
  const set: ManifestSet = singleton
    ? singletonToSet(get('version').value as unknown as SingletonManifest)
    : ({
        version: get('version').value,
        installer: get('installer').value,
        defaultLocale: get('defaultLocale').value,
        locales: locales.map((l) => l.value),
      } as unknown as ManifestSet);
  const fileFor = (file: RuleFile): ParsedFile | undefined => (typeof file === 'object' ? locales[file.locale] : byKind.get(file));
  const at = (file: RuleFile, path: FieldPath): Place => {
    const f = fileFor(file);
    const where = f ? locate(f, path) : { line: 0, column: 0 };
    return { file: f?.name ?? '', line: where.line, column: where.column, field: formatFieldPath(path) };
  };
  const version = get('version').info.manifestVersion ?? DEFAULT_MANIFEST_VERSION;
  const ctx: RuleContext = { manifestVersion: version, full: options.full ?? true, set, at, files: parsed.map((p) => p.info) };
  return { ctx, set, singleton };
}

/** A copy of `files` with one exact piece of text in `name` replaced; fails loudly when the text is not there. */
export function edit(files: Record<string, string>, name: string, from: string, to: string): Record<string, string> {
  const text = files[name];
  if (text === undefined || !text.includes(from)) throw new Error(`test kit: "${from}" not found in ${name}`);
  return { ...files, [name]: text.replace(from, to) };
}
