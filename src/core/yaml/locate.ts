/** Mapping field paths (canonical key names and indexes) back to line/column in the YAML source. */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import type { FieldPath } from '../findings';

/** 1-based, as editors and the client's messages count. */
export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

export function positionAt(lines: LineCounter, offset: number): Position {
  const p = lines.linePos(offset);
  return { line: p.line, column: p.col };
}

export function nodePosition(lines: LineCounter, node: unknown, fallback: Position = START): Position {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? positionAt(lines, range[0]) : fallback;
}

/** Key text as the document spells it, or undefined for a complex or missing key. */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  return v === null || v === undefined ? '' : String(v);
}

/** An alias stands for its anchored node; the client's loader expands aliases, so every reader looks through them. */
export function deref(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/**
 * The node at `path`, keys matched case-insensitively (first match), as population does. A mapping entry is
 * located at its key, a sequence item at the item. When the path runs out of document, the deepest node found
 * stands in, so "missing field X" points at the mapping that should hold X.
 */
export function locatePath(doc: Document, lines: LineCounter, path: FieldPath): Position {
  let node: unknown = doc.contents;
  let pos = nodePosition(lines, node);
  for (const part of path) {
    node = deref(doc, node);
    if (typeof part === 'number') {
      if (!isSeq(node)) break;
      const item: unknown = node.items[part];
      if (item === undefined) break;
      // A flow sequence may hold single pairs (`[a: b]`); its key is where the item starts.
      pos = nodePosition(lines, isPair(item) ? item.key : item, pos);
      node = item;
    } else {
      if (!isMap(node)) break;
      const wanted = part.toLowerCase();
      const pair = node.items.find((p) => keyText(p.key)?.toLowerCase() === wanted);
      if (!pair) break;
      pos = nodePosition(lines, pair.key, pos);
      node = pair.value;
    }
  }
  return pos;
}

/**
 * For the validation pipeline: zod issue paths name canonical keys and indexes of the populated value, which
 * line up with the document because population keeps sequence items in order.
 */
export function pathLocator(file: { locate(path: FieldPath): Position }): (path: readonly PropertyKey[]) => Position {
  return (path) => file.locate(path.filter((p): p is string | number => typeof p !== 'symbol'));
}
