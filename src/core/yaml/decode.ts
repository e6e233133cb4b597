/** Turning manifest bytes into text the way the winget client does (rule A1): BOMs, BOM-less UTF-16, UTF-8, else ANSI. */

export type ManifestEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedManifest {
  text: string;
  encoding: ManifestEncoding;
}

// Decoders are reused: this runs for thousands of files per second.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });

/** How many leading bytes the BOM-less UTF-16 guess looks at; manifests start with ASCII keys, so this is plenty. */
const SNIFF_BYTES = 1024;

export function decodeManifestBytes(bytes: Uint8Array): DecodedManifest {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8OrAnsi(bytes.subarray(3)).text, encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16be' };
  const guess = sniffUtf16(bytes);
  if (guess === 'le') return { text: decodeUtf16(bytes, false), encoding: 'utf-16le' };
  if (guess === 'be') return { text: decodeUtf16(bytes, true), encoding: 'utf-16be' };
  return decodeUtf8OrAnsi(bytes);
}

/**
 * Text that is mostly ASCII has a NUL in every other byte when stored as UTF-16; UTF-8 and ANSI text essentially
 * never contain NUL. A clear majority on one side and (almost) none on the other decides.
 */
function sniffUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  if (!bigEndian) return utf16le.decode(bytes);
  // Not every runtime ships a UTF-16BE decoder (Node without full ICU); swapping to LE works everywhere.
  const swapped = new Uint8Array(bytes.length & ~1);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return utf16le.decode(swapped);
}

function decodeUtf8OrAnsi(bytes: Uint8Array): DecodedManifest {
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// 0x80-0x9F are the only bytes where Windows-1252 differs from Latin-1. Unassigned ones map to the C1 control
// of the same number, as the WHATWG encoding standard does.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** A table of our own rather than TextDecoder('windows-1252'): runtimes with reduced ICU lack that label. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  let out = '';
  const codes = new Array<number>(Math.min(bytes.length, CHUNK));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
