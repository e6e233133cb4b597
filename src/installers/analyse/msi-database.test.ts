import { describe, expect, it } from 'vitest';
import { decodeStreamName, readStringPool } from './msi-database';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._';

/** The packing Windows Installer applies to stream names, written independently of the decoder. */
function encode(name: string, table: boolean): string {
  let out = table ? String.fromCharCode(0x4840) : '';
  for (let i = 0; i < name.length; i += 2) {
    const a = ALPHABET.indexOf(name[i] ?? '');
    const b = i + 1 < name.length ? ALPHABET.indexOf(name[i + 1] ?? '') : -1;
    out += String.fromCharCode(b >= 0 ? 0x3800 + a + (b << 6) : 0x4800 + a);
  }
  return out;
}

function u16s(...words: number[]): Uint8Array {
  return new Uint8Array(new Uint16Array(words).buffer);
}

describe('decodeStreamName', () => {
  it.each(['Property', '_StringPool', '_Tables', 'InstallExecuteSequence', 'A'])('decodes the table stream %s', (name) => {
    expect(decodeStreamName(encode(name, true))).toBe(`!${name}`);
  });

  it('decodes a non-table stream (an embedded cabinet)', () => {
    expect(decodeStreamName(encode('data.cab', false))).toBe('data.cab');
  });

  it('keeps names outside the packed range, like the summary information', () => {
    expect(decodeStreamName('\u0005SummaryInformation')).toBe('\u0005SummaryInformation');
  });
});

describe('readStringPool', () => {
  it('reads the code page and strings by index, with empty slots', () => {
    const pool = readStringPool(u16s(1252, 0, 3, 1, 0, 0, 2, 1), new TextEncoder().encode('abcxy'));
    expect(pool.codepage).toBe(1252);
    expect(pool.refBytes).toBe(2);
    expect([pool.get(1), pool.get(2), pool.get(3)]).toEqual(['abc', '', 'xy']);
  });

  it('reads a string of 64 KiB or more from the split length', () => {
    const long = 'x'.repeat(70000);
    const pool = readStringPool(u16s(65001, 0x8000, 0, 70000 >>> 16, 70000 & 0xffff, 1, 1, 1), new TextEncoder().encode(`${long}z`));
    expect(pool.refBytes).toBe(3);
    expect(pool.get(1).length).toBe(70000);
    expect(pool.get(2)).toBe('z');
  });

  it('decodes with the pool code page', () => {
    const pool = readStringPool(u16s(1252, 0, 1, 1), Uint8Array.of(0xeb));
    expect(pool.get(1)).toBe('ë');
  });

  it('reports a pool that points past its data', () => {
    expect(() => readStringPool(u16s(1252, 0, 9, 1), Uint8Array.of(1))).toThrow(/runs past the end of _StringData/);
  });
});
