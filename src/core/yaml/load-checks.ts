/** The checks the client's YAML loader makes (rules A3-A5), run on the CST and the composed document. */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { CST, LineCounter, Node as YamlNode } from 'yaml';
import type { Finding } from '../findings';
import { formatFieldPath } from '../findings';
import { keyText, nodePosition, positionAt } from './locate';

/** The client refuses documents nested deeper than this (A4). */
export const MAX_NESTING = 100;

/**
 * Deepest collection nesting of a CST token, counted without recursion and without going past `MAX_NESTING + 1`:
 * the composer recurses per level, so a document must be refused here before it can exhaust the stack.
 * Returns the depth and the offset of the first collection that is too deep.
 */
export function cstNesting(root: CST.Token | undefined): { depth: number; offset: number } {
  if (!root) return { depth: 0, offset: 0 };
  const tokens: CST.Token[] = [root];
  const depths: number[] = [0];
  let max = 0;
  while (tokens.length > 0) {
    const token = tokens.pop()!;
    const depth = depths.pop()!;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const d = depth + 1;
    if (d > MAX_NESTING) return { depth: d, offset: token.offset };
    if (d > max) max = d;
    for (const item of token.items) {
      if (item.key) {
        tokens.push(item.key);
        depths.push(d);
      }
      if (item.value) {
        tokens.push(item.value);
        depths.push(d);
      }
    }
  }
  return { depth: max, offset: 0 };
}

// C0 controls except TAB, LF and CR, and DEL (A3).
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

interface WalkContext {
  name: string;
  text: string;
  lines: LineCounter;
  findings: Finding[];
  /** Keys as written, shared and mutated along the walk so that no path is built unless a finding needs it. */
  path: (string | number)[];
  reported: number;
}

/** Garbage input can hold a control character in every scalar; a few findings make the point. */
const MAX_REPORTED = 20;

/**
 * Control characters in scalars and tags (after escapes are resolved, so `"\x1b"` counts) and complex keys.
 * Recursion is safe: `cstNesting` has already bounded the depth. Aliases are not followed; their targets are
 * checked where they are defined.
 */
export function checkNodes(name: string, text: string, lines: LineCounter, root: unknown, findings: Finding[]): void {
  walk({ name, text, lines, findings, path: [], reported: 0 }, root);
}

function walk(ctx: WalkContext, node: unknown): void {
  if (node === null || node === undefined || isAlias(node)) return;
  const n = node as YamlNode;
  if (n.tag && CONTROL.test(n.tag)) reportControl(ctx, n, n.tag);
  if (isScalar(node)) {
    if (typeof node.value === 'string' && CONTROL.test(node.value)) reportControl(ctx, n, node.value);
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyText(pair.key);
      if (key === undefined && pair.key !== null && pair.key !== undefined) {
        if (++ctx.reported <= MAX_REPORTED) ctx.findings.push({
          severity: 'error',
          rule: 'yaml-complex-key',
          message: 'Mapping keys must be plain scalars. A sequence, mapping or alias cannot be used as a key.',
          file: ctx.name,
          ...nodePosition(ctx.lines, pair.key),
          field: formatFieldPath(ctx.path),
        });
        continue;
      }
      walk(ctx, pair.key);
      ctx.path.push(key ?? '');
      walk(ctx, pair.value);
      ctx.path.pop();
    }
    return;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item: unknown = node.items[i];
      ctx.path.push(i);
      if (isPair(item)) {
        walk(ctx, item.key);
        walk(ctx, item.value);
      } else {
        walk(ctx, item);
      }
      ctx.path.pop();
    }
  }
}

function reportControl(ctx: WalkContext, node: YamlNode, value: string): void {
  if (++ctx.reported > MAX_REPORTED) return;
  const match = CONTROL.exec(value);
  const code = match ? match[0].charCodeAt(0) : 0;
  // Point at a raw control character when the source holds one; an escaped one is reported at its scalar.
  let offset = node.range?.[0] ?? 0;
  if (node.range) {
    const raw = ctx.text.slice(node.range[0], node.range[1]).search(CONTROL);
    if (raw >= 0) offset += raw;
  }
  ctx.findings.push({
    severity: 'error',
    rule: 'yaml-control-character',
    message:
      `The value contains an unsupported control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}). ` +
      'winget rejects C0 control characters other than tab, line feed and carriage return, and DEL.',
    file: ctx.name,
    ...positionAt(ctx.lines, offset),
    field: formatFieldPath(ctx.path),
  });
}
