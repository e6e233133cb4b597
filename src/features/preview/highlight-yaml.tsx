import type { ReactNode } from 'react';

/**
 * Colours keys, comments and list dashes line by line: enough to scan a manifest, cheap enough to rerun on every
 * edit, and careful to emit every character of the input once so the element's text stays the written bytes.
 */
const KEY_LINE = /^(\s*)(- )?([^\s#'"][^:#]*?)(:)(?=\s|$)(.*)$/;
const DASH_LINE = /^(\s*)(- )(.*)$/;

function valueParts(value: string, key: string): ReactNode[] {
  // A comment after a value starts at ` #`; quoted values are left whole because `#` may sit inside them.
  const trimmed = value.trimStart();
  if (trimmed.startsWith('#')) return [<span key={key} className="yaml-comment">{value}</span>];
  if (trimmed.startsWith('"') || trimmed.startsWith("'")) return [<span key={key} className="yaml-string">{value}</span>];
  const hash = value.indexOf(' #');
  if (hash < 0) return value === '' ? [] : [<span key={key} className="yaml-value">{value}</span>];
  return [
    <span key={key} className="yaml-value">{value.slice(0, hash)}</span>,
    <span key={`${key}c`} className="yaml-comment">{value.slice(hash)}</span>,
  ];
}

function highlightLine(line: string, index: number): ReactNode[] {
  const k = String(index);
  if (/^\s*#/.test(line)) return [<span key={k} className="yaml-comment">{line}</span>];
  const keyed = KEY_LINE.exec(line);
  if (keyed) {
    const [, indent = '', dash = '', name = '', colon = '', rest = ''] = keyed;
    return [
      indent,
      dash && <span key={`${k}d`} className="yaml-dash">{dash}</span>,
      <span key={`${k}k`} className="yaml-key">{name}</span>,
      colon,
      ...valueParts(rest, `${k}v`),
    ];
  }
  const dashed = DASH_LINE.exec(line);
  if (dashed) {
    const [, indent = '', dash = '', rest = ''] = dashed;
    return [indent, <span key={`${k}d`} className="yaml-dash">{dash}</span>, ...valueParts(rest, `${k}v`)];
  }
  return [line];
}

const BLOCK_INDICATOR = /^\s*[|>][-+0-9]*\s*(#.*)?$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The text as React nodes; line breaks (LF or CRLF) are kept as they are in the text. */
export function highlightYaml(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const parts = text.split(/(\r?\n)/);
  // Inside a literal or folded block every line is text, even one that looks like `key: value`.
  let blockParent = -1;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      out.push(part);
      continue;
    }
    if (blockParent >= 0 && (part.trim() === '' || indentOf(part) > blockParent)) {
      if (part !== '') out.push(<span key={String(i)} className="yaml-block">{part}</span>);
      continue;
    }
    blockParent = -1;
    if (part === '') continue;
    out.push(...highlightLine(part, i));
    const keyed = KEY_LINE.exec(part);
    if (keyed && BLOCK_INDICATOR.test(keyed[5] ?? '')) blockParent = indentOf(part) + (keyed[2] ? 2 : 0);
  }
  return out;
}
