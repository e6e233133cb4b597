/**
 * How the canonical writer spells one string: plain when a YAML 1.2 core-schema reader gives the same string
 * back, single-quoted when it would not, double-quoted when only escapes can carry the text, and a literal
 * block for multi-line text.
 */

// The YAML 1.2 core schema's implicit types. Anything matching these would come back as null, bool or number.
const CORE_NULL = /^(?:~|null|Null|NULL)$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

// Characters that cannot open a plain scalar at all.
const INDICATOR_START = /^[,[\]{}#&*!|>'"%@`]/;
// `-`, `?` and `:` open a plain scalar only when a non-space follows.
const DASH_LIKE_START = /^[-?:](?:[ \t]|$)/;
// A mapping indicator or a comment inside, or a trailing colon.
const BREAKS_PLAIN = /:[ \t]|[ \t]#|:$/;
// Characters YAML cannot hold raw (outside c-printable), plus line separators that YAML 1.1 readers break on.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text, written plain, would read back as something other than this string. */
export function resolvesToOtherType(text: string): boolean {
  return (
    text === '' || CORE_NULL.test(text) || CORE_BOOL.test(text) || CORE_INT.test(text) || CORE_FLOAT.test(text)
  );
}

function canBePlain(text: string): boolean {
  if (resolvesToOtherType(text)) return false;
  const first = text[0]!;
  const last = text[text.length - 1]!;
  if (first === ' ' || first === '\t' || last === ' ' || last === '\t') return false;
  if (INDICATOR_START.test(text) || DASH_LIKE_START.test(text)) return false;
  // Document markers read oddly at the start of a line in some readers; quoting them costs nothing.
  if (text.startsWith('---') || text.startsWith('...')) return false;
  return !BREAKS_PLAIN.test(text);
}

const SHORT_ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\u000b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\u001b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
};

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

export function doubleQuoted(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) {
      out += short;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + text[i + 1]!;
        i++;
      } else {
        out += `\\u${hex4(code)}`;
      }
      continue;
    }
    if (NEEDS_ESCAPE.test(ch)) out += `\\u${hex4(code)}`;
    else out += ch;
  }
  return `${out}"`;
}

export function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Spelling of a string on one line (after `Key: ` or `- `). */
export function inlineScalar(text: string): string {
  if (NEEDS_ESCAPE.test(text) || text.includes('\n') || text.includes('\r')) return doubleQuoted(text);
  if (canBePlain(text)) return text;
  return singleQuoted(text);
}

/** A literal block fits text with line breaks when every character is printable and no CR needs keeping. */
export function fitsLiteralBlock(text: string): boolean {
  if (!text.includes('\n') || text.includes('\r') || NEEDS_ESCAPE.test(text)) return false;
  // Text of nothing but line breaks and blanks has no content line to anchor the block's indentation.
  return /[^\s]/.test(text);
}

/**
 * The header (`|-`, `|`, `|+`, with an indentation indicator when needed) and the content lines of a literal
 * block that is a mapping value, its content two spaces deeper than the key (the indicator is then always 2).
 * Sequence items should not use a block that needs the indicator: readers disagree on what it is relative to.
 */
export function literalBlock(text: string): { header: string; lines: string[]; needsIndicator: boolean } {
  let body = text;
  let chomp = '-';
  if (body.endsWith('\n')) {
    body = body.slice(0, -1);
    chomp = body.endsWith('\n') ? '+' : '';
  }
  const lines = body.split('\n');
  // Auto-detection takes the indentation from the first non-empty line, so a leading space there (or a
  // blank-only line before it) would be misread as indentation.
  let needsIndicator = false;
  for (const line of lines) {
    if (line.trim() === '') {
      if (line.length > 0) {
        needsIndicator = true;
        break;
      }
      continue;
    }
    needsIndicator = line.startsWith(' ');
    break;
  }
  return { header: `|${needsIndicator ? '2' : ''}${chomp}`, lines, needsIndicator };
}
