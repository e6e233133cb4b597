/**
 * GitHub release Markdown as the plain text winget shows for ReleaseNotes (`winget show` prints it verbatim).
 * Line by line, as GitHub renders release bodies: every newline is kept as a line break. Lists stay lists
 * (`- `, `1. `, two spaces per nesting level), code keeps its text, and the rest loses its markup.
 *
 * Choices: tables are written as rows of cells joined by ` | ` (a visible boundary even when cells hold spaces,
 * and empty cells still show); images are dropped with their alt text; ordered lists are numbered from the
 * first item's number on (`1. 1. 1.` reads `1. 2. 3.`, as GitHub shows it).
 */
import { inlineToText, normalizeLabel } from './markdown-inline';
import type { ReferenceLabels } from './markdown-inline';

interface ListItem {
  /** Source columns of the marker and of the item's content. */
  indent: number;
  content: number;
  /** `-`, `*`, `+`, or `.`/`)` for ordered lists: a change starts a new list. */
  kind: string;
  ordered: boolean;
  next: number;
  /** Spaces before continuation lines of this item in the output. */
  outputIndent: number;
}

interface Fence {
  char: string;
  length: number;
  indent: number;
  quoted: boolean;
  prefix: string;
}

type Previous = 'start' | 'blank' | 'paragraph' | 'code' | 'other';

const REFERENCE_DEFINITION = /^ {0,3}\[([^\]^][^\]]*)\]:[ \t]*(?:<[^>]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^( *)([-*+]|(\d{1,9})([.)]))(?:( +)(.*))?$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const ALERT = /^\[!(note|tip|important|warning|caution)\][ \t]*$/i;

/** The line without its `>` markers; the indentation before the first one stays, so a quote in a list item stays in it. */
function stripQuote(line: string): { quoted: boolean; rest: string } {
  const lead = /^ */.exec(line)![0];
  let rest = line;
  let quoted = false;
  for (let m = /^ {0,3}> ?/.exec(rest); m; m = /^ {0,3}> ?/.exec(rest)) {
    quoted = true;
    rest = rest.slice(m[0].length);
  }
  return { quoted, rest: quoted ? lead + rest : rest };
}

/** Leading tabs as spaces to the next multiple of four, so that indentation compares in columns. */
function expandIndent(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  if (!lead.includes('\t')) return line;
  let width = 0;
  for (const char of lead) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return ' '.repeat(width) + line.slice(lead.length);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function removeIndent(line: string, columns: number): string {
  return line.slice(Math.min(columns, indentOf(line)));
}

/** Table cells, split at unescaped pipes, the outer pipes dropped. */
function tableCells(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** Labels of `[label]: url` lines outside code: their links become text and the lines themselves vanish. */
function referenceLabels(lines: readonly string[]): Set<string> {
  const labels = new Set<string>();
  let fence: string | undefined;
  for (const raw of lines) {
    const line = stripQuote(raw).rest.trimStart();
    const open = /^(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1]) fence = undefined;
      continue;
    }
    if (open) {
      fence = open[1]!;
      continue;
    }
    const definition = REFERENCE_DEFINITION.exec(stripQuote(raw).rest);
    if (definition) labels.add(normalizeLabel(definition[1]!));
  }
  return labels;
}

class PlainTextWriter {
  readonly out: string[] = [];
  private readonly lines: string[];
  private readonly labels: ReferenceLabels;
  private list: ListItem[] = [];
  private fence: Fence | undefined;
  private inComment = false;
  private previous: Previous = 'start';

  constructor(markdown: string) {
    this.lines = markdown.replace(/\r\n?/g, '\n').split('\n');
    this.labels = referenceLabels(this.lines);
  }

  run(): string[] {
    for (let n = 0; n < this.lines.length; n++) n = this.line(n);
    return this.out;
  }

  /** Writes `text` (which may hold `\n` from `<br>`), its first line after `first`, the others after `rest`. */
  private emit(first: string, rest: string, text: string): boolean {
    if (text.trim() === '') return false;
    // Trimmed at the start too: a dropped image or tag leaves the spaces that stood around it.
    text.trim().split('\n').forEach((part, i) => this.out.push((i === 0 ? first : rest) + part.trimStart()));
    return true;
  }

  private inline(text: string): string {
    return inlineToText(text, this.labels);
  }

  /** HTML comments left out, across lines too; release templates are full of them. */
  private withoutComments(line: string): string {
    let text = line;
    let kept = '';
    for (;;) {
      if (this.inComment) {
        const end = text.indexOf('-->');
        if (end < 0) return kept;
        this.inComment = false;
        text = text.slice(end + 3);
      }
      const start = text.indexOf('<!--');
      if (start < 0) return kept + text;
      kept += text.slice(0, start);
      text = text.slice(start + 4);
      this.inComment = true;
    }
  }

  /** Handles line `n` (and the rows after it, for a table); returns the last line it used. */
  private line(n: number): number {
    const raw = this.lines[n]!;
    if (this.fence) {
      this.fenced(raw);
      return n;
    }
    const uncommented = this.withoutComments(raw);
    // A line that held only a comment is no line at all (not a blank that would split a list).
    if (uncommented.trim() === '' && raw.trim() !== '') return n;
    const { quoted, rest } = stripQuote(uncommented);
    const line = expandIndent(rest);
    if (line.trim() === '') {
      this.out.push('');
      this.previous = 'blank';
      return n;
    }
    const indent = indentOf(line);
    const body = line.trim();
    if (REFERENCE_DEFINITION.test(line)) return n;
    // Thematic breaks and setext underlines are markup only; the heading text itself is already written.
    if (indent < 4 && (THEMATIC_BREAK.test(body) || (/^=+$/.test(body) && this.previous === 'paragraph'))) {
      this.previous = 'other';
      return n;
    }
    const codeMayStart = this.previous === 'blank' || this.previous === 'start' || this.previous === 'code';
    const item = LIST_ITEM.exec(line);
    // Four spaces in with no list open is an indented code block, even when its text starts like an item.
    if (item && !(this.list.length === 0 && indent >= 4 && codeMayStart)) {
      this.listItem(item);
      return n;
    }
    const { prefix, relative } = this.continuation(indent);
    if (relative >= 4 && codeMayStart) {
      this.out.push(prefix + ' '.repeat(relative - 4) + body);
      this.previous = 'code';
      return n;
    }
    const open = FENCE_OPEN.exec(body);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      this.fence = { char: open[1]![0]!, length: open[1]!.length, indent, quoted, prefix };
      this.previous = 'other';
      return n;
    }
    const heading = ATX_HEADING.exec(body);
    if (heading) {
      this.emit(prefix, prefix, this.inline(heading[1] ?? ''));
      this.previous = 'other';
      return n;
    }
    if (body.includes('|')) {
      const end = this.table(n, prefix);
      if (end > n) return end;
    }
    const alert = quoted ? ALERT.exec(body) : null;
    const text = alert ? alert[1]![0]!.toUpperCase() + alert[1]!.slice(1).toLowerCase() : this.inline(body);
    if (this.emit(prefix, prefix, text)) this.previous = 'paragraph';
    return n;
  }

  private fenced(raw: string): void {
    const fence = this.fence!;
    const line = expandIndent(fence.quoted ? stripQuote(raw).rest : raw);
    const trimmed = line.trim();
    if (trimmed.length >= fence.length && trimmed === fence.char.repeat(trimmed.length)) {
      this.fence = undefined;
      this.previous = 'other';
      return;
    }
    this.out.push(fence.prefix + removeIndent(line, fence.indent));
  }

  /**
   * Where a line that is not a list item belongs: inside the open list item it is indented under (or lazily
   * continues), or outside every list after a blank line.
   */
  private continuation(indent: number): { prefix: string; relative: number } {
    const list = this.list;
    if (list.length === 0) return { prefix: '', relative: indent };
    if (this.previous === 'blank' && indent < list[0]!.content) {
      this.list = [];
      return { prefix: '', relative: indent };
    }
    let level = list.length - 1;
    while (level > 0 && indent < list[level]!.content) level--;
    if (indent >= list[level]!.content) {
      list.length = level + 1;
      return { prefix: ' '.repeat(list[level]!.outputIndent), relative: indent - list[level]!.content };
    }
    return { prefix: ' '.repeat(list[list.length - 1]!.outputIndent), relative: 0 };
  }

  private listItem(match: RegExpExecArray): void {
    const [, lead, marker, digits, delimiter, spaces, content] = match;
    const indent = lead!.length;
    const ordered = digits !== undefined;
    const kind = ordered ? delimiter! : marker!;
    const list = this.list;
    while (list.length > 0 && list[list.length - 1]!.indent > indent) list.pop();
    const top = list[list.length - 1];
    const sibling = top !== undefined && indent < top.content;
    if (sibling) list.pop();
    const number = sibling && top.kind === kind && ordered ? top.next : Number(digits ?? 0);
    const depth = list.length;
    const outMarker = ordered ? `${number}. ` : '- ';
    // More than four spaces after the marker make the content an indented code block; its column is one space in.
    const gap = spaces === undefined || spaces.length > 4 ? 1 : spaces.length;
    list.push({
      indent, content: indent + marker!.length + gap, kind, ordered, next: number + 1,
      outputIndent: 2 * depth + outMarker.length,
    });
    const first = ' '.repeat(2 * depth) + outMarker;
    const rest = ' '.repeat(2 * depth + outMarker.length);
    if (content === undefined || content.trim() === '') this.out.push(first.trimEnd());
    else this.emit(first, rest, this.inline(content.trim()));
    this.previous = 'other';
  }

  /** A GFM table starting at line `n`, when line n+1 is its delimiter row; returns the last row's line. */
  private table(n: number, prefix: string): number {
    const header = stripQuote(this.lines[n]!).rest;
    const delimiter = stripQuote(this.lines[n + 1] ?? '').rest;
    if (!delimiter.includes('|') || !TABLE_DELIMITER.test(delimiter.trim())) return n;
    if (tableCells(header).length !== tableCells(delimiter).length) return n;
    const rows = [header];
    let end = n + 1;
    for (let next = this.lines[end + 1]; next !== undefined; next = this.lines[end + 1]) {
      const row = stripQuote(next).rest;
      if (row.trim() === '' || !row.includes('|')) break;
      rows.push(row);
      end++;
    }
    for (const row of rows) this.emit(prefix, prefix, tableCells(row).map((cell) => this.inline(cell)).join(' | '));
    this.previous = 'other';
    return end;
  }
}

/** Trailing spaces gone, at most one blank line in a row, none at the start or the end. */
function tidy(lines: readonly string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(trimmed);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** The plain text of a GitHub release body; '' when it is empty or only whitespace (or only markup). */
export function markdownToPlainText(markdown: string): string {
  if (markdown.trim() === '') return '';
  return tidy(new PlainTextWriter(markdown).run());
}
