/**
 * One line of GitHub Markdown, inline constructs only, as the plain text a reader sees on the release page.
 * Emphasis follows CommonMark's delimiter rules (left- and right-flanking runs) rather than pairing any two
 * asterisks, so that `snake_case_name`, `2 * 3` and `~5 minutes` survive as written.
 */
import { entityAt } from './html-entities';

interface TextToken {
  kind: 'text';
  value: string;
}

interface DelimiterToken {
  kind: 'delimiter';
  char: '*' | '_' | '~';
  count: number;
  remaining: number;
  canOpen: boolean;
  canClose: boolean;
}

type Token = TextToken | DelimiterToken;

/** The link reference definitions of the document, as normalizeLabel gives their labels. */
export type ReferenceLabels = ReadonlySet<string>;

/** Labels match case-insensitively and with runs of whitespace as one space, as CommonMark says. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

// The elements GitHub keeps in rendered Markdown. Anything else between angle brackets (`Vec<u8>`,
// `winget install <id>`) is shown as text there, so it stays text here.
const HTML_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'dd', 'del', 'details',
  'dfn', 'div', 'dl', 'dt', 'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'source', 'span', 'strike',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var',
  'video', 'wbr',
]);
/** Elements that end a line where they close, so `<p>a</p><p>b</p>` does not run together. */
const LINE_ENDING = new Set([
  'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ol', 'p', 'pre',
  'summary', 'table', 'tr', 'ul',
]);

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const WHITESPACE = /^\s$/u;

function isPunctuation(char: string): boolean {
  return PUNCTUATION.test(char);
}

function isWhitespace(char: string): boolean {
  return WHITESPACE.test(char);
}

/** The whole code point that ends just before `index` (an emoji is punctuation, half of one is not). */
function charBefore(text: string, index: number): string {
  if (index <= 0) return ' ';
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) return text.slice(index - 2, index);
  return text[index - 1]!;
}

function charAt(text: string, index: number): string {
  if (index >= text.length) return ' ';
  return String.fromCodePoint(text.codePointAt(index)!);
}

function runLength(text: string, index: number, char: string): number {
  let end = index;
  while (text[end] === char) end++;
  return end - index;
}

/** The end of the code span opened by the backtick run at `index`, and its text; undefined when never closed. */
function codeSpanAt(text: string, index: number): { value: string; end: number } | undefined {
  const open = runLength(text, index, '`');
  let search = index + open;
  for (;;) {
    const close = text.indexOf('`', search);
    if (close < 0) return undefined;
    const length = runLength(text, close, '`');
    if (length === open) {
      let value = text.slice(index + open, close);
      if (value.length >= 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
      return { value, end: close + length };
    }
    search = close + length;
  }
}

/** The index of the `]` that closes the `[` at `index`, or -1. */
function closingBracket(text: string, index: number): number {
  let depth = 0;
  for (let i = index; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i;
  }
  return -1;
}

function skipSpaces(text: string, index: number): number {
  let i = index;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** The end of `(destination "title")` starting at the `(` at `index`, or undefined when it is not one. */
function inlineDestinationEnd(text: string, index: number): number | undefined {
  let i = skipSpaces(text, index + 1);
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    if (close < 0) return undefined;
    i = close + 1;
  } else {
    let depth = 0;
    while (i < text.length) {
      const char = text[i]!;
      if (char === '\\') i += 2;
      else if (char === '(') {
        depth++;
        i++;
      } else if (char === ')') {
        if (depth === 0) break;
        depth--;
        i++;
      } else if (isWhitespace(char)) break;
      else i++;
    }
  }
  i = skipSpaces(text, i);
  const quote = text[i];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closeChar = quote === '(' ? ')' : quote;
    let j = i + 1;
    while (j < text.length && text[j] !== closeChar) j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length) return undefined;
    i = skipSpaces(text, j + 1);
  }
  return text[i] === ')' ? i + 1 : undefined;
}

/** The link (inline, full, collapsed or shortcut reference) whose `[` is at `index`. */
function linkAt(text: string, index: number, labels: ReferenceLabels): { label: string; end: number } | undefined {
  const close = closingBracket(text, index);
  if (close < 0) return undefined;
  const label = text.slice(index + 1, close);
  const next = close + 1;
  if (text[next] === '(') {
    const end = inlineDestinationEnd(text, next);
    if (end !== undefined) return { label, end };
  }
  if (text[next] === '[') {
    const refClose = text.indexOf(']', next + 1);
    if (refClose >= 0) {
      const reference = text.slice(next + 1, refClose);
      if (labels.has(normalizeLabel(reference === '' ? label : reference))) return { label, end: refClose + 1 };
    }
  }
  // A footnote (`[^1]`) or a bracketed word with no definition (`[BREAKING]`) is text, as GitHub shows it.
  return labels.has(normalizeLabel(label)) ? { label, end: next } : undefined;
}

// Sticky, so that each is tried at one index of the line without copying the rest of it.
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;
const EMAIL_AUTOLINK = /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?\/?>/y;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<]+/iy;

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** What the angle bracket at `index` opens: an autolink, a comment or an HTML tag. */
function angleAt(text: string, index: number): { value: string; length: number } | undefined {
  if (text.startsWith('<!--', index)) {
    const end = text.indexOf('-->', index + 4);
    return end < 0 ? undefined : { value: '', length: end + 3 - index };
  }
  const link = matchAt(AUTOLINK, text, index) ?? matchAt(EMAIL_AUTOLINK, text, index);
  if (link) return { value: link[1]!, length: link[0].length };
  const tag = matchAt(HTML_TAG, text, index);
  if (!tag) return undefined;
  const name = tag[2]!.toLowerCase();
  if (!HTML_ELEMENTS.has(name)) return undefined;
  const breaks = name === 'br' || name === 'hr' || (tag[1] === '/' && LINE_ENDING.has(name));
  return { value: breaks ? '\n' : '', length: tag[0].length };
}

/**
 * A bare URL as GitHub links it (`https://…`, `www.…`), trailing punctuation left out: kept whole so that the
 * underscores and asterisks in it are not read as emphasis.
 */
function bareUrlAt(text: string, index: number): string | undefined {
  const before = charBefore(text, index);
  if (!isWhitespace(before) && !'*_~('.includes(before)) return undefined;
  const match = matchAt(BARE_URL, text, index);
  if (!match) return undefined;
  let url = match[0];
  for (;;) {
    const last = url[url.length - 1]!;
    if ('?!.,:*_~\'"'.includes(last)) url = url.slice(0, -1);
    else if (last === ')' && url.split('(').length < url.split(')').length) url = url.slice(0, -1);
    else break;
  }
  return /^(?:https?:\/\/|www\.)./i.test(url) ? url : undefined;
}

function delimiterAt(text: string, index: number, char: '*' | '_' | '~'): DelimiterToken {
  const count = runLength(text, index, char);
  const before = charBefore(text, index);
  const after = charAt(text, index + count);
  const left = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
  const right = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
  // An underscore inside a word is never emphasis (`snake_case_name`); an asterisk can be.
  const canOpen = char === '_' ? left && (!right || isPunctuation(before)) : left;
  const canClose = char === '_' ? right && (!left || isPunctuation(after)) : right;
  return { kind: 'delimiter', char, count, remaining: count, canOpen, canClose };
}

function tokenize(text: string, labels: ReferenceLabels): Token[] {
  const tokens: Token[] = [];
  const push = (value: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'text') last.value += value;
    else tokens.push({ kind: 'text', value });
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\') {
      const next = text[i + 1];
      // A backslash at the end of a line is a hard line break: nothing to show.
      if (next === undefined) i++;
      else if (ASCII_PUNCTUATION.test(next)) {
        push(next);
        i += 2;
      } else {
        push(char);
        i++;
      }
    } else if (char === '`') {
      const span = codeSpanAt(text, i);
      const run = runLength(text, i, '`');
      push(span ? span.value : text.slice(i, i + run));
      i = span ? span.end : i + run;
    } else if (char === '<') {
      const angle = angleAt(text, i);
      push(angle ? angle.value : char);
      i += angle ? angle.length : 1;
    } else if (char === '!' && text[i + 1] === '[') {
      // Images are dropped with their alt text: on release pages that is mostly "image" or a screenshot's name.
      const image = linkAt(text, i + 1, labels);
      if (image) i = image.end;
      else {
        push(char);
        i++;
      }
    } else if (char === '[') {
      const link = linkAt(text, i, labels);
      push(link ? inlineToText(link.label, labels) : char);
      i = link ? link.end : i + 1;
    } else if (char === '*' || char === '_' || char === '~') {
      const delimiter = delimiterAt(text, i, char);
      tokens.push(delimiter);
      i += delimiter.count;
    } else if (char === '&') {
      const entity = entityAt(text.slice(i, i + 40));
      push(entity ? entity.value : char);
      i += entity ? entity.length : 1;
    } else {
      const url = char === 'h' || char === 'H' || char === 'w' || char === 'W' ? bareUrlAt(text, i) : undefined;
      push(url ?? char);
      i += url ? url.length : 1;
    }
  }
  return tokens;
}

/** Whether `opener` and `closer` may pair (CommonMark's "rule of three"; GFM strikethrough wants equal runs). */
function canPair(opener: DelimiterToken, closer: DelimiterToken): boolean {
  if (opener.char !== closer.char || opener.remaining === 0) return false;
  if (opener.char === '~') return opener.count === closer.count && opener.count <= 2 && opener.remaining === opener.count;
  const bothWays = opener.canClose || closer.canOpen;
  const sum = opener.count + closer.count;
  return !(bothWays && sum % 3 === 0 && !(opener.count % 3 === 0 && closer.count % 3 === 0));
}

/** Pairs delimiter runs as emphasis and takes the paired characters away; unpaired ones stay text. */
function resolveEmphasis(tokens: Token[]): void {
  const openers: DelimiterToken[] = [];
  for (const token of tokens) {
    if (token.kind !== 'delimiter') continue;
    if (token.canClose) {
      while (token.remaining > 0) {
        let k = openers.length - 1;
        while (k >= 0 && !canPair(openers[k]!, token)) k--;
        if (k < 0) break;
        const opener = openers[k]!;
        const used = token.char === '~' ? token.remaining : opener.remaining >= 2 && token.remaining >= 2 ? 2 : 1;
        opener.remaining -= used;
        token.remaining -= used;
        // Runs between a pair can no longer open anything outside it.
        openers.length = opener.remaining > 0 ? k + 1 : k;
      }
    }
    if (token.canOpen && token.remaining > 0) openers.push(token);
  }
}

/** The plain text of one line of Markdown inline content; `<br>` and closing block tags give `\n`. */
export function inlineToText(text: string, labels: ReferenceLabels): string {
  const tokens = tokenize(text, labels);
  resolveEmphasis(tokens);
  return tokens.map((t) => (t.kind === 'text' ? t.value : t.char.repeat(t.remaining))).join('');
}
