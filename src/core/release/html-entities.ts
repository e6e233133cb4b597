/**
 * HTML character references as release notes use them. Not the full HTML5 table (2,000+ names): authors of
 * GitHub releases write the handful below, and an unknown name is safer left as written than guessed.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  // A plain space: in plain text a no-break space only hides as an odd character in the YAML.
  nbsp: ' ',
  copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', middot: '·', bull: '•',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', times: '×', deg: '°',
};

/** The character reference at the start of `text` (`&amp;`, `&#39;`, `&#x1F600;`), or undefined. */
export function entityAt(text: string): { value: string; length: number } | undefined {
  const match = /^&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(text);
  if (!match) return undefined;
  const [whole, decimal, hex, name] = match;
  if (name !== undefined) {
    const value = NAMED[name];
    return value === undefined ? undefined : { value, length: whole.length };
  }
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  // As HTML does: NUL, surrogates and values past Unicode become the replacement character.
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return { value: valid ? String.fromCodePoint(code) : '\uFFFD', length: whole.length };
}
