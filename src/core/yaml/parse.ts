/**
 * Loading a manifest's YAML as the winget client does (§A): only the first document, every scalar kept as its
 * text (the failsafe schema never turns `1.10` into a float or `yes` into a boolean), duplicate keys kept, and
 * the loader's own refusals reported as findings. Nothing here throws on bad input.
 */
import { Composer, LineCounter, Parser, isMap, isScalar } from 'yaml';
import type { CST, Document } from 'yaml';
import type { FieldPath, Finding } from '../findings';
import { MAX_NESTING, checkNodes, cstNesting } from './load-checks';
import type { Position } from './locate';
import { START, keyText, locatePath, nodePosition, positionAt } from './locate';

export interface CommentLine {
  /** 1-based. */
  line: number;
  /** The line as written, `#` included, without its line break. */
  text: string;
}

export interface RootEntry {
  /** Text of the first entry with this exact key; undefined when empty or not a scalar. */
  value: string | undefined;
  /** Position of that entry's key. */
  line: number;
  column: number;
  /** The exact key appears more than once; `finding` is the client's "duplicate mapping key" failure. */
  duplicate: boolean;
  finding?: Finding;
}

export interface YamlFile {
  name: string;
  text: string;
  eol: 'lf' | 'crlf';
  document: Document.Parsed;
  /** The first leading comment line that mentions `yaml-language-server` (A8). */
  header?: CommentLine;
  /** Every comment line before the root node, in order. */
  leadingComments: CommentLine[];
  /** Load-time findings (A2-A5 and syntax errors). */
  findings: Finding[];
  /** True when the client would refuse to load the file (a syntax, nesting, control-character, key or root error). */
  loadFailed: boolean;
  locate(path: FieldPath): Position;
  /** Position of a source offset. */
  position(offset: number): Position;
  /** Exact-key text at the root, as the structural checks (§B) read it; undefined when missing or empty. */
  rootScalar(name: string): string | undefined;
  /** The same lookup with the key's position and whether the exact key is duplicated. */
  rootEntry(name: string): RootEntry | undefined;
}

/** More syntax errors than this add nothing for the reader (binary garbage yields hundreds). */
const MAX_SYNTAX_ERRORS = 10;

const composerOptions = { schema: 'failsafe', uniqueKeys: false, strict: true } as const;

export function parseManifestYaml(name: string, text: string): YamlFile {
  const lines = new LineCounter();
  const findings: Finding[] = [];
  const firstDoc = firstDocumentTokens(text, lines);
  const nesting = cstNesting(firstDoc.document?.value);
  const tooDeep = nesting.depth > MAX_NESTING;
  if (tooDeep) {
    findings.push({
      severity: 'error',
      rule: 'yaml-nesting',
      message: `Too many layers of nested nodes. winget allows at most ${MAX_NESTING} levels of sequences and mappings.`,
      file: name,
      ...positionAt(lines, nesting.offset),
      field: '',
    });
  }
  const document = compose(tooDeep ? [] : firstDoc.tokens, text.length);
  let syntaxErrors = 0;
  for (const error of document.errors) {
    if (++syntaxErrors > MAX_SYNTAX_ERRORS) break;
    findings.push({
      severity: 'error',
      rule: 'yaml-syntax',
      message: `YAML syntax error: ${readableMessage(error.message)}`,
      file: name,
      ...positionAt(lines, error.pos[0]),
      field: '',
    });
  }
  if (!tooDeep) checkNodes(name, text, lines, document.contents, findings);
  if (findings.length === 0) checkRoot(name, document, lines, findings);
  // A missing or non-mapping root fails the load too: the client stops there, so nothing may be populated from it
  // (an import would otherwise take an empty file for an empty manifest).
  const loadFailed = findings.length > 0;
  const leadingComments = leadingCommentLines(text);
  return {
    name,
    text,
    eol: detectEol(text),
    document,
    header: leadingComments.find((c) => c.text.includes('yaml-language-server')),
    leadingComments,
    findings,
    loadFailed,
    locate: (path) => locatePath(document, lines, path),
    position: (offset) => positionAt(lines, offset),
    rootScalar: (key) => rootEntry(name, document, lines, key)?.value,
    rootEntry: (key) => rootEntry(name, document, lines, key),
  };
}

/** CST tokens up to the end of the first document: later documents are never read (A2). */
function firstDocumentTokens(text: string, lines: LineCounter): { tokens: CST.Token[]; document?: CST.Document } {
  const tokens: CST.Token[] = [];
  let document: CST.Document | undefined;
  for (const token of new Parser(lines.addNewLine).parse(text)) {
    if (document && (token.type === 'document' || token.type === 'directive')) continue;
    if (token.type === 'document') document = token;
    tokens.push(token);
  }
  return { tokens, document };
}

function compose(tokens: readonly CST.Token[], end: number): Document.Parsed {
  const composer = new Composer(composerOptions);
  let result: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens, true, end)) result ??= doc as Document.Parsed;
  // compose() with forceDoc always yields a document; the fallback only satisfies the type checker.
  return result ?? (composer.end(true, 0).next().value as Document.Parsed);
}

function readableMessage(message: string): string {
  const text = message.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function checkRoot(name: string, document: Document.Parsed, lines: LineCounter, findings: Finding[]): void {
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    findings.push({
      severity: 'error',
      rule: 'yaml-root',
      message: 'The manifest does not contain a valid root. The file is empty or holds only comments.',
      file: name,
      ...START,
      field: '',
    });
  } else if (!isMap(root) || root.items.length === 0) {
    findings.push({
      severity: 'error',
      rule: 'yaml-root',
      message: 'Encountered unexpected root node. A manifest must be a mapping of fields such as `PackageIdentifier: …`.',
      file: name,
      ...nodePosition(lines, root),
      field: '',
    });
  }
}

function rootEntry(name: string, document: Document.Parsed, lines: LineCounter, key: string): RootEntry | undefined {
  const root = document.contents;
  if (!isMap(root)) return undefined;
  let found: RootEntry | undefined;
  for (const pair of root.items) {
    if (keyText(pair.key) !== key) continue;
    if (found) {
      found.duplicate = true;
      found.finding ??= {
        severity: 'error',
        rule: 'yaml-duplicate-key',
        message: `duplicate mapping key: ${key} appears more than once. winget refuses the manifest.`,
        file: name,
        ...nodePosition(lines, pair.key),
        field: key,
      };
      continue;
    }
    const value = isScalar(pair.value) && pair.value.value !== null && pair.value.value !== '' ? String(pair.value.value) : undefined;
    found = { value, ...nodePosition(lines, pair.key), duplicate: false };
  }
  return found;
}

function detectEol(text: string): 'lf' | 'crlf' {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? 'crlf' : 'lf';
}

/** Comment lines before the root node; blank lines, directives and `---` may sit among them. */
function leadingCommentLines(text: string): CommentLine[] {
  const out: CommentLine[] = [];
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = content.trim();
    if (trimmed.startsWith('#')) out.push({ line, text: content });
    else if (trimmed !== '' && !trimmed.startsWith('%') && !/^---(\s|$)/.test(trimmed)) break;
    start = end + 1;
  }
  return out;
}
