/**
 * Writing a new value of one manifest file into the text the user already has, so that comments they typed
 * survive form edits. The canonical writer decides what the file holds and how each scalar is spelled; this only
 * carries that onto the user's YAML document (scalars updated in place, new keys at their schema position,
 * removed keys deleted, list items that persist keeping their comments). Text without user comments simply
 * becomes the canonical text.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, ToStringOptions, YAMLMap, YAMLSeq } from 'yaml';
import type { FieldNode, ObjectNode } from '../core/schema/field-tree';

type AnyNode = Node | null | undefined;

// Every scalar stays text, as the core reader sees it; the canonical text decides the style of each new scalar.
const PARSE_OPTIONS = { schema: 'failsafe', uniqueKeys: false } as const;
const WRITE_OPTIONS: ToStringOptions = { indentSeq: false, lineWidth: 0, minContentWidth: 0 };
const HEADER_LINE = /^\s*(?:Created with |yaml-language-server:)/;
const SCHEMA_LINE = /yaml-language-server: *\$schema=\S*/;

/** True when the document holds a comment other than the two header lines the writer puts on top. */
export function hasUserComments(doc: Document): boolean {
  const texts: string[] = [];
  const add = (comment: string | null | undefined): void => {
    if (comment) texts.push(...comment.split('\n'));
  };
  add(doc.commentBefore);
  add(doc.comment);
  const walk = (node: AnyNode): void => {
    if (!node) return;
    add(node.commentBefore);
    add(node.comment);
    if (isMap(node)) {
      for (const pair of node.items) {
        walk(pair.key as AnyNode);
        walk(pair.value as AnyNode);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item as AnyNode);
    }
  };
  walk(doc.contents as AnyNode);
  let headerLines = 0;
  for (const line of texts) {
    if (HEADER_LINE.test(line) && headerLines < 2) headerLines++;
    else if (line.trim() !== '') return true;
  }
  return false;
}

/**
 * Plain data of a node with mapping keys sorted, for comparing list items. With a field tree, keys the schema
 * does not know are left out (they are the user's own and never part of the canonical content).
 */
function plain(node: AnyNode, field?: FieldNode): unknown {
  if (!node) return null;
  if (isScalar(node)) return String(node.value ?? '');
  if (isMap(node)) {
    const out: [string, unknown][] = [];
    for (const p of node.items) {
      const key = String(plain(p.key as AnyNode));
      const entry = field?.kind === 'object' ? field.byLowerName.get(key.toLowerCase()) : undefined;
      if (field?.kind === 'object' && !entry) continue;
      out.push([key, plain(p.value as AnyNode, entry?.node)]);
    }
    return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  if (isSeq(node)) return node.items.map((item) => plain(item as AnyNode, field?.kind === 'array' ? field.item : undefined));
  return isAlias(node) ? `*${node.source}` : null;
}

/** True when a mapping somewhere holds a key the schema does not know at that place. */
function hasUnknownKeys(node: AnyNode, field: FieldNode | undefined): boolean {
  if (!node || !field) return false;
  if (isMap(node) && field.kind === 'object') {
    return node.items.some((p) => {
      const entry = field.byLowerName.get(String(plain(p.key as AnyNode)).toLowerCase());
      return !entry || hasUnknownKeys(p.value as AnyNode, entry.node);
    });
  }
  if (isSeq(node) && field.kind === 'array') return node.items.some((item) => hasUnknownKeys(item as AnyNode, field.item));
  return false;
}

const signature = (node: AnyNode): string => JSON.stringify(plain(node));

/** The new node with the comments and spacing the old one carried. */
function replaceKeepingComments(old: AnyNode, next: Node): Node {
  if (old) {
    next.commentBefore = old.commentBefore;
    next.comment = old.comment;
    next.spaceBefore = old.spaceBefore;
  }
  return next;
}

function mergeNode(old: AnyNode, next: AnyNode, field?: FieldNode): AnyNode {
  if (!next) return next;
  if (isScalar(old) && isScalar(next)) {
    if (String(old.value ?? '') !== String(next.value ?? '')) {
      old.value = next.value;
      old.type = next.type;
    }
    return old;
  }
  if (isMap(old) && isMap(next)) {
    mergeMap(old, next, field?.kind === 'object' ? field : undefined);
    return old;
  }
  if (isSeq(old) && isSeq(next)) {
    mergeSeq(old, next, field?.kind === 'array' ? field.item : undefined);
    return old;
  }
  return replaceKeepingComments(old, next);
}

const keyOf = (pair: Pair): string => String(plain(pair.key as AnyNode));

/** A removed entry's leading comment may introduce what follows it; hand it on rather than lose it. */
function handOnComment(removed: AnyNode, to: AnyNode): void {
  if (!removed?.commentBefore || !to) return;
  to.commentBefore = to.commentBefore ? `${removed.commentBefore}\n${to.commentBefore}` : removed.commentBefore;
}

function mergeMap(old: YAMLMap, next: YAMLMap, tree?: ObjectNode): void {
  const nextByKey = new Map<string, Pair>();
  const nextByLower = new Map<string, Pair>();
  for (const pair of next.items) {
    nextByKey.set(keyOf(pair), pair);
    if (!nextByLower.has(keyOf(pair).toLowerCase())) nextByLower.set(keyOf(pair).toLowerCase(), pair);
  }
  const used = new Map<Pair, Pair>();
  const kept: Pair[] = [];
  let pendingComment: AnyNode;
  for (const pair of old.items) {
    const key = keyOf(pair);
    let match = nextByKey.get(key);
    if (!match || used.has(match)) match = nextByLower.get(key.toLowerCase());
    if (!match || used.has(match)) {
      // A key the schema does not know is the user's own: the model never holds it, so it cannot have been removed.
      if (tree && !tree.byLowerName.has(key.toLowerCase())) {
        kept.push(pair);
        continue;
      }
      pendingComment = pair.key as AnyNode;
      continue;
    }
    used.set(match, pair);
    if (pendingComment) handOnComment(pendingComment, pair.key as AnyNode);
    pendingComment = undefined;
    // A key in the wrong letter case becomes the schema's spelling.
    if (key !== keyOf(match) && isScalar(pair.key)) pair.key.value = keyOf(match);
    pair.value = mergeNode(pair.value as AnyNode, match.value as AnyNode, tree?.byLowerName.get(keyOf(match).toLowerCase())?.node);
    kept.push(pair);
  }
  // New keys go right after the nearest key before them in schema order, else first.
  const result = [...kept];
  let anchor: Pair | undefined;
  for (const pair of next.items) {
    const existing = used.get(pair);
    if (existing) {
      anchor = existing;
      continue;
    }
    const at = anchor ? result.indexOf(anchor) + 1 : 0;
    result.splice(at, 0, pair);
    anchor = pair;
  }
  if (pendingComment) handOnComment(pendingComment, result.length > 0 ? (result[result.length - 1]!.key as AnyNode) : undefined);
  old.items = result;
  old.flow = old.flow && result.length > 0;
}

/** Longest common subsequence of item signatures: items equal in both keep their node untouched. */
function commonItems(a: string[], b: string[]): [number, number][] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function mergeSeq(old: YAMLSeq, next: YAMLSeq, item?: FieldNode): void {
  const oldItems = old.items as AnyNode[];
  const nextItems = next.items as AnyNode[];
  const anchors: [number, number][] = [
    ...commonItems(oldItems.map(signature), nextItems.map(signature)),
    [oldItems.length, nextItems.length],
  ];
  const result: AnyNode[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of anchors) {
    // Between two equal items, changed items pair up by position: an edited installer keeps its comments.
    while (i < ai && j < aj) result.push(mergeNode(oldItems[i++], nextItems[j++], item));
    while (j < aj) result.push(nextItems[j++]);
    while (i < ai) {
      handOnComment(oldItems[i++], ai < oldItems.length ? oldItems[ai] : undefined);
    }
    if (ai < oldItems.length) result.push(oldItems[i++]);
    j = aj + 1;
  }
  old.items = result;
  old.flow = old.flow && result.length > 0;
}

function sameData(a: Document, b: Document, tree?: ObjectNode): boolean {
  const normal = (node: AnyNode): string => JSON.stringify(plain(node, tree));
  return normal(a.contents as AnyNode) === normal(b.contents as AnyNode);
}

/**
 * The canonical text's content written into the user's text. Undefined when the user's text cannot carry it
 * (not a mapping, syntax errors, or a result that would not read back as the canonical content).
 */
export function mergeIntoText(userText: string, canonicalText: string, tree?: ObjectNode): string | undefined {
  const doc = parseDocument(userText, PARSE_OPTIONS);
  const next = parseDocument(canonicalText, PARSE_OPTIONS);
  if (doc.errors.length > 0 || next.errors.length > 0) return undefined;
  if (!isMap(doc.contents) || !isMap(next.contents)) return undefined;
  try {
    mergeMap(doc.contents, next.contents, tree);
    const schemaLine = next.commentBefore?.split('\n').find((line) => SCHEMA_LINE.test(line));
    if (schemaLine) {
      const target = SCHEMA_LINE.exec(schemaLine)![0];
      if (doc.commentBefore) doc.commentBefore = doc.commentBefore.replace(SCHEMA_LINE, target);
      if (doc.contents.commentBefore) doc.contents.commentBefore = doc.contents.commentBefore.replace(SCHEMA_LINE, target);
    }
    const text = doc.toString(WRITE_OPTIONS);
    const check = parseDocument(text, PARSE_OPTIONS);
    if (check.errors.length > 0 || !sameData(check, next, tree)) return undefined;
    return canonicalText.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
  } catch {
    return undefined;
  }
}

const HEADER_COMMENT_LINE = /^#\s*(?:Created with |yaml-language-server:).*$/gm;
/** A `#` that could open a comment: at a line start or after a blank. Inside a quoted value it is a false alarm. */
const MAYBE_COMMENT = /(?:^|[ \t])#/m;

// Texts the writer produced lately: a text the user has not touched since is known to need no merge.
const writerTexts = new Set<string>();
function rememberWriterText(text: string): string {
  writerTexts.add(text);
  if (writerTexts.size > 64) writerTexts.delete(writerTexts.values().next().value!);
  return text;
}

/**
 * The text for a file whose value changed: canonical, unless the user's text carries something the model does
 * not — comments, or (given the file's field tree) keys the schema does not know — which is then merged over.
 */
export function applyCanonicalText(userText: string, canonicalText: string, tree?: ObjectNode): string {
  // Most texts are the writer's own: a lookup (or a scan) spares parsing them on every keystroke.
  if (writerTexts.has(userText)) return rememberWriterText(canonicalText);
  if (!tree && !MAYBE_COMMENT.test(userText.replace(HEADER_COMMENT_LINE, ''))) return canonicalText;
  const doc = parseDocument(userText, PARSE_OPTIONS);
  if (doc.errors.length > 0) return canonicalText;
  if (!hasUserComments(doc) && !hasUnknownKeys(doc.contents as AnyNode, tree)) return rememberWriterText(canonicalText);
  return mergeIntoText(userText, canonicalText, tree) ?? canonicalText;
}
