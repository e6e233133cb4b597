/**
 * The smallest single replacement that turns one text into another. Applying a form edit to the YAML model as
 * this replacement (instead of replacing everything) keeps the cursor, selections, folding and markers of the
 * untouched lines where they were, and makes it one undo step.
 */
export interface TextReplacement {
  /** Offsets into the old text. */
  start: number;
  end: number;
  text: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function minimalReplacement(before: string, after: string): TextReplacement | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never cut a surrogate pair or a CRLF in two: the editor counts both as one position.
  while (
    prefix > 0 &&
    (isHighSurrogate(before.charCodeAt(prefix - 1)) || (before[prefix - 1] === '\r' && before[prefix] === '\n'))
  ) {
    prefix--;
  }
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  while (
    suffix > 0 &&
    (isLowSurrogate(before.charCodeAt(before.length - suffix)) ||
      (before[before.length - suffix] === '\n' && before[before.length - suffix - 1] === '\r'))
  ) {
    suffix--;
  }
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}
