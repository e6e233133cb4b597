/**
 * The canonical manifest writer. Hand-written rather than yaml.stringify: the style must match winget-pkgs
 * (compact sequences, schema key order, minimal quoting) and it runs for every file on every keystroke and in
 * bulk formatting, so it builds lines directly.
 */
import { GENERATOR } from '../wingsmith-version';
import type { FieldNode, ManifestType, ObjectNode } from '../schema';
import { fieldTree } from '../schema';
import { fitsLiteralBlock, inlineScalar, literalBlock } from './scalar-style';

export interface WriteOptions {
  manifestVersion: string;
  eol?: 'lf' | 'crlf';
  /** Text after `# Created with `, e.g. `Wingsmith 0.1.0`. */
  generator?: string;
}

/** Fields whose hex digests are written upper-case, as winget-pkgs does. */
const HASH_FIELDS = new Set(['InstallerSha256', 'SignatureSha256', 'FileSha256']);

type Clean = string | number | boolean | Clean[] | CleanMap;
interface CleanMap {
  entries: [string, Clean, FieldNode][];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops unknown keys and empty values, orders keys by the schema, and types scalars for output. */
function cleanValue(value: unknown, node: FieldNode, key: string): Clean | undefined {
  if (value === undefined || value === null) return undefined;
  switch (node.kind) {
    case 'object': {
      if (!isRecord(value)) return undefined;
      const map = cleanObject(value, node);
      return map.entries.length > 0 ? map : undefined;
    }
    case 'array': {
      if (!Array.isArray(value)) return undefined;
      const items: Clean[] = [];
      for (const item of value) {
        const c = cleanValue(item, node.item, key);
        if (c !== undefined) items.push(c);
      }
      return items.length > 0 ? items : undefined;
    }
    case 'integer':
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      if (typeof value === 'string' && /^[-+]?\d+$/.test(value.trim())) return Number(value.trim());
      return cleanString(value, key);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(?:true|false)$/i.test(value.trim())) {
        return value.trim().toLowerCase() === 'true';
      }
      return cleanString(value, key);
    default:
      return cleanString(value, key);
  }
}

function cleanString(value: unknown, key: string): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else return undefined;
  if (text === '') return undefined;
  return HASH_FIELDS.has(key) ? text.toUpperCase() : text;
}

function cleanObject(value: Record<string, unknown>, node: ObjectNode): CleanMap {
  const entries: [string, Clean, FieldNode][] = [];
  for (const field of node.fields) {
    const c = cleanValue(value[field.name], field.node, field.name);
    if (c !== undefined) entries.push([field.name, c, field.node]);
  }
  return { entries };
}

function isMap(value: Clean): value is CleanMap {
  return typeof value === 'object' && !Array.isArray(value);
}

function scalarText(value: string | number | boolean): string {
  if (typeof value === 'string') return inlineScalar(value);
  return String(value);
}

/**
 * Appends a mapping whose keys sit at `indent`. The first line starts with `firstPrefix` instead of the indent,
 * which is how a mapping inside a sequence item gets its `- `.
 */
function emitMap(out: string[], map: CleanMap, indent: string, firstPrefix: string): void {
  let first = true;
  for (const [key, value] of map.entries) {
    const lead = first ? firstPrefix : indent;
    first = false;
    if (Array.isArray(value)) {
      out.push(`${lead}${key}:`);
      emitSeq(out, value, indent);
    } else if (isMap(value)) {
      out.push(`${lead}${key}:`);
      const inner = `${indent}  `;
      emitMap(out, value, inner, inner);
    } else if (typeof value === 'string' && fitsLiteralBlock(value)) {
      const block = literalBlock(value);
      out.push(`${lead}${key}: ${block.header}`);
      pushBlockLines(out, block.lines, `${indent}  `);
    } else {
      out.push(`${lead}${key}: ${scalarText(value)}`);
    }
  }
}

/** Sequences sit at the indent of their key, like the winget-pkgs examples (`Tags:\n- a`). */
function emitSeq(out: string[], items: Clean[], indent: string): void {
  const itemIndent = `${indent}  `;
  for (const item of items) {
    const lead = `${indent}- `;
    if (Array.isArray(item)) {
      // The schemas hold no nested lists; this keeps the output readable YAML should one appear.
      out.push(`${indent}-`);
      emitSeq(out, item, itemIndent);
    } else if (isMap(item)) {
      emitMap(out, item, itemIndent, lead);
    } else if (typeof item === 'string' && fitsLiteralBlock(item) && !literalBlock(item).needsIndicator) {
      const block = literalBlock(item);
      out.push(`${lead}${block.header}`);
      pushBlockLines(out, block.lines, itemIndent);
    } else {
      out.push(`${lead}${scalarText(item)}`);
    }
  }
}

function pushBlockLines(out: string[], lines: string[], indent: string): void {
  for (const line of lines) out.push(line === '' ? '' : `${indent}${line}`);
}

/** The YAML text of one manifest file in canonical style. */
export function writeManifestFile(
  type: ManifestType,
  value: Record<string, unknown>,
  options: WriteOptions,
): string {
  const { manifestVersion } = options;
  const tree = fieldTree(type, manifestVersion);
  // The header and the body must agree (client rules F4/F5), so the file's own type and version win.
  const body = cleanObject({ ...value, ManifestType: type, ManifestVersion: manifestVersion }, tree);
  const out = [
    `# Created with ${options.generator ?? GENERATOR}`,
    `# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.${manifestVersion}.schema.json`,
    '',
  ];
  emitMap(out, body, '', '');
  const eol = options.eol === 'crlf' ? '\r\n' : '\n';
  return out.join(eol) + eol;
}
