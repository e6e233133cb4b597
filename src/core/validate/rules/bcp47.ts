/**
 * BCP-47 well-formedness (RFC 5646 §2.1 syntax), standing in for the Windows API the client calls.
 * Only the syntax is checked: registry membership and duplicate variants/singletons are "validity", not
 * well-formedness, and winget does not require them.
 */

const ALNUM = '[a-z0-9]';
const LANGUAGE = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})';
const SCRIPT = '[a-z]{4}';
const REGION = '(?:[a-z]{2}|[0-9]{3})';
const VARIANT = `(?:${ALNUM}{5,8}|[0-9]${ALNUM}{3})`;
const EXTENSION = `(?:[0-9a-wy-z](?:-${ALNUM}{2,8})+)`;
const PRIVATE_USE = `(?:x(?:-${ALNUM}{1,8})+)`;

const LANGTAG = `${LANGUAGE}(?:-${SCRIPT})?(?:-${REGION})?(?:-${VARIANT})*(?:-${EXTENSION})*(?:-${PRIVATE_USE})?`;
const WELL_FORMED = new RegExp(`^(?:${LANGTAG}|${PRIVATE_USE})$`, 'i');

// RFC 5646 §2.2.8: tags registered before the current syntax, accepted as whole strings.
const GRANDFATHERED = new Set([
  'en-gb-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo',
  'i-pwn', 'i-tao', 'i-tay', 'i-tsu', 'sgn-be-fr', 'sgn-be-nl', 'sgn-ch-de',
  'art-lojban', 'cel-gaulish', 'no-bok', 'no-nyn', 'zh-guoyu', 'zh-hakka', 'zh-min', 'zh-min-nan', 'zh-xiang',
]);

export function isWellFormedBcp47(tag: string): boolean {
  if (GRANDFATHERED.has(tag.toLowerCase())) return true;
  return WELL_FORMED.test(tag);
}
