import { FILE_NAME, singleton } from './base';
import { lazy, NOT_AN_INSTALLER, type BadInput, type Expectation } from './types';

/* The same manifest in every encoding winget reads (A1), and encodings broken in the ways files get broken. */

const TEXT = singleton({ extra: 'Description: Café crème, 10 € – “quoted”\n' });

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
  const out = new Uint8Array(units.length * 2);
  const view = new DataView(out.buffer);
  units.forEach((u, i) => view.setUint16(i * 2, u, !bigEndian));
  return out;
}

const CP1252: Record<string, number> = { '€': 0x80, '–': 0x96, '“': 0x93, '”': 0x94 };

function windows1252(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text), (c) => CP1252[c] ?? c.charCodeAt(0));
}

/** Read as the same valid manifest: the CLI keeps only the singleton's community warning, the import nothing. */
const readsFine: Expectation = { verdict: ['ok', 'warning'] };

function encoded(name: string, make: () => Uint8Array, found: Expectation = readsFine): BadInput {
  return { name, family: 'encoding', fileName: FILE_NAME, bytes: lazy(make), expect: { cli: found, import: found, installer: NOT_AN_INSTALLER } };
}

export const encodingInputs: BadInput[] = [
  encoded('UTF-16 LE with BOM', () => utf16(TEXT, false, true)),
  encoded('UTF-16 BE with BOM', () => utf16(TEXT, true, true)),
  encoded('UTF-16 LE without BOM', () => utf16(TEXT, false, false)),
  encoded('UTF-16 BE without BOM', () => utf16(TEXT, true, false)),
  encoded('Windows-1252', () => windows1252(TEXT)),
  // An odd byte count cuts the last UTF-16 unit in half; the decoder substitutes U+FFFD and the YAML still reads.
  encoded('UTF-16 LE odd length', () => utf16(TEXT, false, true).subarray(0, utf16(TEXT, false, true).length - 1), { verdict: ['warning', 'error'] }),
  // The decoder turns the lone surrogate into U+FFFD, which is text like any other.
  encoded('UTF-16 lone surrogate', () => utf16(TEXT.replace('Café', 'Caf\ud800'), false, true), { verdict: ['ok', 'warning'] }),
];
