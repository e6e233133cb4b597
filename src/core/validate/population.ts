/**
 * Field population (§D): the client's walk from the YAML tree to typed fields, with its per-key checks. The
 * result is the plain object the zod schemas check: canonical key names, strings exactly as written, numbers
 * and booleans only where the field tree says so, unknown keys and empty values left out.
 */
import type { RuleId } from './catalog';
import { isMap, isScalar, isSeq } from 'yaml';
import type { FieldPath, Finding, Severity } from '../findings';
import { formatFieldPath } from '../findings';
import type { FieldNode, ObjectNode } from '../schema/field-tree';
import type { Position } from '../yaml/locate';
import { deref, keyText } from '../yaml/locate';
import type { YamlFile } from '../yaml/parse';
import { parseClientBoolean, parseClientInteger } from './scalar-conversion';

export interface PopulateOptions {
  /** Full validation, as `winget validate` runs it: unknown keys are reported. */
  full: boolean;
  manifestVersion: string;
}

export interface PopulateResult {
  value: Record<string, unknown>;
  findings: Finding[];
}

/** Fields the community repository accepts only from verified publishers (D4). */
const VERIFIED_PUBLISHER_FIELDS = new Set(['Icons', 'Agreement', 'DownloadCommandProhibited', 'Authentication']);
/** Root keys the structural checks look up by exact name; an exact repeat of one was already reported as the loader's "duplicate mapping key". */
const STRUCTURAL_KEYS = new Set(['ManifestVersion', 'PackageIdentifier', 'PackageVersion', 'ManifestType', 'DefaultLocale', 'PackageLocale']);

/**
 * Aliases can make a small file expand into a huge tree ("billion laughs"); past this many visited nodes the
 * rest is left out with one finding.
 */
const MAX_NODES = 100_000;

interface Context {
  file: YamlFile;
  options: PopulateOptions;
  findings: Finding[];
  /** Canonical path of the value being read, mutated along the walk. */
  path: (string | number)[];
  nodes: number;
}

export function populate(file: YamlFile, tree: ObjectNode, options: PopulateOptions): PopulateResult {
  const ctx: Context = { file, options, findings: [], path: [], nodes: 0 };
  const root = deref(file.document, file.document.contents);
  // A root that is not a non-empty mapping was reported when the file was loaded.
  if (!isMap(root) || root.items.length === 0) return { value: {}, findings: ctx.findings };
  return { value: populateObject(ctx, root, tree, position(ctx, root)) ?? {}, findings: ctx.findings };
}

function populateObject(ctx: Context, node: unknown, tree: ObjectNode, at: Position): Record<string, unknown> | undefined {
  if (!isMap(node) || node.items.length === 0) {
    report(ctx, 'error', 'field-not-a-mapping',
      `Encountered unexpected root node. [${fieldName(ctx)}] This must be a mapping with at least one field.`, at);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  const seen: string[] = [];
  const atRoot = ctx.path.length === 0;
  const exactKeys = new Set<string>();
  for (const pair of node.items) {
    const key = keyText(pair.key);
    // Complex keys were refused when the file was loaded.
    if (key === undefined) continue;
    const keyAt = position(ctx, pair.key, at);
    const entry = tree.byLowerName.get(key.toLowerCase());
    if (!entry) {
      if (ctx.options.full) {
        ctx.path.push(key);
        report(ctx, 'warning', 'field-unknown',
          `Unknown field. [${key}] ManifestVersion ${ctx.options.manifestVersion} has no such field here, so winget ignores it.`, keyAt);
        ctx.path.pop();
      }
      continue;
    }
    ctx.path.push(entry.name);
    if (entry.name !== key) {
      report(ctx, 'error', 'field-case', `All field names should be PascalCased. [${key}] Field names are case-sensitive: use ${entry.name}.`, keyAt);
    }
    const reportedByLoader = atRoot && STRUCTURAL_KEYS.has(key) && exactKeys.has(key);
    exactKeys.add(key);
    if (seen.includes(entry.name)) {
      if (!reportedByLoader) report(ctx, 'error', 'field-duplicate',
        `Duplicate field found in the manifest. [${entry.name}] The mapping already has this field; only the first value is used.`, keyAt);
    } else {
      seen.push(entry.name);
      const value = convert(ctx, pair.value, entry.node, keyAt);
      if (value !== undefined) {
        out[entry.name] = value;
        if (VERIFIED_PUBLISHER_FIELDS.has(entry.name)) {
          report(ctx, 'warning', 'field-verified-publisher',
            `Field usage requires verified publishers. [${entry.name}] The community repository accepts it only from verified publishers.`, keyAt);
        }
      }
    }
    ctx.path.pop();
  }
  return out;
}

/** The typed value, or undefined when the value is empty (A7: population skips it) or failed with a finding. */
function convert(ctx: Context, raw: unknown, field: FieldNode, keyAt: Position, inSequence = false): unknown {
  if (++ctx.nodes === MAX_NODES + 1) {
    report(ctx, 'error', 'yaml-aliases', 'The manifest expands into too many nodes (aliases referring to aliases); the rest is ignored.', keyAt);
  }
  if (ctx.nodes > MAX_NODES) return undefined;
  const node = deref(ctx.file.document, raw);
  const at = position(ctx, raw, keyAt);
  if (isEmpty(node)) {
    // An empty item keeps its place in a list of strings so that later indexes still match the document.
    if (!inSequence) return undefined;
    if (field.kind === 'string') return '';
  }
  switch (field.kind) {
    case 'object':
      return populateObject(ctx, node, field, at);
    case 'array': {
      if (!isSeq(node)) return failed(ctx, 'A list is expected here.', at);
      const out: unknown[] = [];
      for (let i = 0; i < node.items.length; i++) {
        ctx.path.push(i);
        const item: unknown = node.items[i];
        const value = convert(ctx, item, field.item, position(ctx, item, at), true);
        if (value !== undefined) out.push(value);
        ctx.path.pop();
      }
      return out;
    }
    default: {
      if (!isScalar(node)) return failed(ctx, 'A single value is expected here, not a list or a mapping.', at);
      const text = node.value === null || node.value === undefined ? '' : String(node.value);
      if (field.kind === 'string') return text;
      if (field.kind === 'boolean') return parseClientBoolean(text) ?? failed(ctx, 'Only true or false is accepted.', at);
      return parseClientInteger(text) ?? failed(ctx, 'An integer is expected (decimal, 0x hexadecimal or 0-prefixed octal).', at);
    }
  }
}

function failed(ctx: Context, why: string, at: Position): undefined {
  report(ctx, 'error', 'field-conversion', `Failed to process field. [${fieldName(ctx)}] ${why}`, at);
  return undefined;
}

function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''));
}

/** The field the client names in brackets: the innermost key, never a list index. */
function fieldName(ctx: Context): string {
  for (let i = ctx.path.length - 1; i >= 0; i--) {
    const part = ctx.path[i];
    if (typeof part === 'string') return part;
  }
  return '';
}

function position(ctx: Context, node: unknown, fallback?: Position): Position {
  const range = (node as { range?: readonly number[] | null } | null | undefined)?.range;
  return range && range[0] !== undefined ? ctx.file.position(range[0]) : (fallback ?? { line: 1, column: 1 });
}

function report(ctx: Context, severity: Severity, rule: RuleId, message: string, at: Position): void {
  ctx.findings.push({
    severity,
    rule,
    message,
    file: ctx.file.name,
    line: at.line,
    column: at.column,
    field: formatFieldPath(ctx.path as FieldPath),
  });
}
