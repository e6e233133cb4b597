import { TruncatedError } from './byte-source';
import type { CompoundFile } from './compound-file';

/*
 * Windows Installer keeps each table in its own compound-file stream. Stream names are packed: two characters of
 * a 64-letter alphabet per UTF-16 code unit in 0x3800–0x47FF, one per unit in 0x4800–0x483F, and a leading 0x4840
 * marks a table. Strings live once in a pool (_StringPool lengths, _StringData bytes) and tables hold indexes.
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._';
const TABLE_MARK = 0x4840;

/** Decodes an MSI stream name; table streams come back prefixed with `!` (as msiinfo shows them). */
export function decodeStreamName(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === TABLE_MARK && i === 0) out += '!';
    else if (c >= 0x3800 && c < 0x4800) out += (ALPHABET[(c - 0x3800) & 0x3f] ?? '') + (ALPHABET[((c - 0x3800) >> 6) & 0x3f] ?? '');
    else if (c >= 0x4800 && c < 0x4840) out += ALPHABET[c - 0x4800] ?? '';
    else out += raw[i];
  }
  return out;
}

export interface StringPool {
  codepage: number;
  /** 2, or 3 when the pool is too large for 16-bit references. */
  refBytes: number;
  get(index: number): string;
}

/** Windows code pages TextDecoder knows; anything else falls back to windows-1252, which never throws. */
function decoderFor(codepage: number): TextDecoder {
  const label = codepage === 65001 ? 'utf-8' : codepage === 0 ? 'windows-1252' : `windows-${codepage}`;
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('windows-1252');
  }
}

export function readStringPool(pool: Uint8Array, data: Uint8Array): StringPool {
  const word = (i: number) => (pool[i * 2] ?? 0) | ((pool[i * 2 + 1] ?? 0) << 8);
  const high = word(1);
  const codepage = word(0) | ((high & 0x7fff) << 16);
  const refBytes = high & 0x8000 ? 3 : 2;
  const decoder = decoderFor(codepage);
  const strings: string[] = [''];
  const count = Math.floor(pool.length / 4);
  let offset = 0;
  for (let i = 1; i < count; i++) {
    let length = word(i * 2);
    const refs = word(i * 2 + 1);
    if (length === 0 && refs === 0) {
      strings.push('');
      continue;
    }
    // A string of 64 KiB or more: this entry's refcount holds the high word, the next entry the low word.
    if (length === 0) {
      i++;
      length = (refs << 16) + word(i * 2);
    }
    if (offset + length > data.length) throw new TruncatedError(`The MSI string pool is damaged: string ${strings.length} runs past the end of _StringData`);
    strings.push(decoder.decode(data.subarray(offset, offset + length)));
    offset += length;
  }
  return { codepage, refBytes, get: (index) => strings[index] ?? '' };
}

export interface MsiDatabase {
  pool: StringPool;
  /** Decoded stream names (tables prefixed with `!`). */
  names: Set<string>;
  tableNames(): Promise<string[]>;
  /** Reads a table whose columns are all strings (Property, _Tables): rows of column values. */
  stringTable(name: string, columns: number): Promise<string[][]>;
  stream(name: string): Promise<Uint8Array | undefined>;
}

export async function openMsiDatabase(file: CompoundFile): Promise<MsiDatabase> {
  const byName = new Map([...file.streams.values()].map((s) => [decodeStreamName(s.name), s]));
  const stream = async (name: string) => {
    const s = byName.get(name);
    // The decoded name makes error messages readable.
    return s ? file.read({ ...s, name }) : undefined;
  };
  const poolBytes = await stream('!_StringPool');
  const dataBytes = await stream('!_StringData');
  if (!poolBytes || !dataBytes) throw new TruncatedError('This compound file is not an MSI database: it has no string pool (_StringPool/_StringData)');
  const pool = readStringPool(poolBytes, dataBytes);

  const stringTable = async (name: string, columns: number) => {
    const bytes = await stream(`!${name}`);
    if (!bytes) return [];
    const width = pool.refBytes;
    const rows = Math.floor(bytes.length / (width * columns));
    const ref = (o: number) => (bytes[o] ?? 0) | ((bytes[o + 1] ?? 0) << 8) | (width === 3 ? (bytes[o + 2] ?? 0) << 16 : 0);
    const out: string[][] = [];
    // Tables are stored column by column: every row's first column, then every row's second, and so on.
    for (let r = 0; r < rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < columns; c++) row.push(pool.get(ref((c * rows + r) * width)));
      out.push(row);
    }
    return out;
  };

  return {
    pool,
    names: new Set(byName.keys()),
    tableNames: async () => (await stringTable('_Tables', 1)).map((r) => r[0] ?? ''),
    stringTable,
    stream,
  };
}
