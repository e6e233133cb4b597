/** The client's scalar conversions (A7): text stays text, and only integer and boolean fields are converted. */

// C-style base detection as strtol with base 0 does it, but the whole text must be the number.
const INTEGER = /^[ \t]*([+-]?)(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))$/;

/** `0x10` -> 16, `010` -> 8, `-1` -> -1; undefined when the text is not an integer the client accepts. */
export function parseClientInteger(text: string): number | undefined {
  const m = INTEGER.exec(text);
  if (!m) return undefined;
  const magnitude = m[2] !== undefined ? parseInt(m[2], 16) : m[3] !== undefined ? parseInt(m[3], 8) : Number(m[4]);
  if (!Number.isSafeInteger(magnitude)) return undefined;
  return m[1] === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/** Only `true` and `false`, in any letter case; `yes`, `on` and `1` are not booleans to the client. */
export function parseClientBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}
