import { FILE_NAME } from './base';
import { lazy, NOT_AN_INSTALLER, random, utf8, type BadInput } from './types';

/* Files that are not text at all, or hold nothing. */

const empty = (name: string, bytes: Uint8Array): BadInput => ({
  name,
  family: 'bytes',
  fileName: FILE_NAME,
  bytes: () => bytes,
  expect: {
    cli: { verdict: 'error', message: /empty or holds only comments/, line: 1 },
    import: { verdict: 'error', message: /empty or holds only comments/, line: 1 },
    installer: NOT_AN_INSTALLER,
  },
});

function noise(length: number, seed: number): Uint8Array {
  const next = random(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

const garbage = (name: string, make: () => Uint8Array): BadInput => ({
  name,
  family: 'bytes',
  fileName: FILE_NAME,
  bytes: lazy(make),
  expect: {
    cli: { verdict: 'error', line: true },
    import: { verdict: 'error', line: true },
    installer: NOT_AN_INSTALLER,
  },
});

export const byteInputs: BadInput[] = [
  empty('empty file', new Uint8Array(0)),
  empty('UTF-8 BOM only', Uint8Array.of(0xef, 0xbb, 0xbf)),
  empty('whitespace only', utf8('  \n\n\t\n   \r\n')),
  empty('comments only', utf8('# nothing here\n# still nothing\n')),
  garbage('random bytes 64 KiB', () => noise(64 * 1024, 1)),
  garbage('NUL bytes 4 KiB', () => new Uint8Array(4096)),
  garbage('PNG header', () => Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(2048, 2))),
];
