import { constants, crc32, deflateRawSync } from 'node:zlib';

/*
 * A raw deflate stream of N MiB of zeros, built without ever holding them: one flushed MiB, then the same
 * compressed MiB repeated (compressed against a window of zeros, so it only ever refers back to zeros), then an
 * empty final block. 768 MiB come out at about 800 KB in a few milliseconds.
 */

const MiB = 1 << 20;

export interface DeflatedZeros {
  data: Uint8Array;
  size: number;
  crc: number;
}

const made = new Map<number, DeflatedZeros>();

/** Kept per size: the CRC of the zeros is the one part that costs (some 130 ms for 768 MiB). */
export function deflatedZeros(mebibytes: number): DeflatedZeros {
  let done = made.get(mebibytes);
  if (!done) made.set(mebibytes, (done = build(mebibytes)));
  return done;
}

function build(mebibytes: number): DeflatedZeros {
  const zeros = new Uint8Array(MiB);
  const first = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const next = deflateRawSync(zeros, { level: 9, dictionary: new Uint8Array(32 * 1024), finishFlush: constants.Z_SYNC_FLUSH });
  // BFINAL set, fixed Huffman, end of block: 1, 01, 0000000.
  const last = Uint8Array.of(0x03, 0x00);
  const data = new Uint8Array(first.length + next.length * (mebibytes - 1) + last.length);
  data.set(first, 0);
  for (let i = 1; i < mebibytes; i++) data.set(next, first.length + next.length * (i - 1));
  data.set(last, data.length - last.length);
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(zeros, crc);
  return { data, size: mebibytes * MiB, crc };
}
