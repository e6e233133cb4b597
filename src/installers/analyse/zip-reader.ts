import { Inflate } from 'fflate';
import { readExact, TruncatedError } from './byte-source';
import type { ByteSource } from './types';

/*
 * Reads a zip's central directory (ZIP64 aware) through a ByteSource, so listing a multi-GB archive costs only the
 * directory's bytes, and extracts single entries on demand.
 */

export interface ZipEntry {
  path: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder('utf-8');
/** Far beyond any real archive's directory (a million entries with long paths), but bounded. */
const MAX_DIRECTORY = 256 << 20;

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function u64(v: DataView, o: number): number {
  return v.getUint32(o, true) + v.getUint32(o + 4, true) * 2 ** 32;
}

export async function listZip(source: ByteSource, label = 'zip'): Promise<ZipEntry[]> {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  const tailLength = Math.min(source.size, 22 + 65535);
  const tail = await source.read(source.size - tailLength, tailLength);
  const tv = view(tail);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new TruncatedError(`The ${label} is truncated or damaged: its end-of-central-directory record is missing (the file is ${source.size} bytes)`);
  let count = tv.getUint16(at + 10, true);
  let cdSize = tv.getUint32(at + 12, true);
  let cdOffset = tv.getUint32(at + 16, true);
  const locatorAt = at - 20;
  if (locatorAt >= 0 && tv.getUint32(locatorAt, true) === ZIP64_LOCATOR) {
    const z64Offset = u64(tv, locatorAt + 8);
    const z = view(await readExact(source, z64Offset, 56, `The ${label}'s ZIP64 end record`));
    if (z.getUint32(0, true) !== ZIP64_EOCD) throw new TruncatedError(`The ${label} is damaged: its ZIP64 end record is not where the locator says`);
    count = u64(z, 32);
    cdSize = u64(z, 40);
    cdOffset = u64(z, 48);
  }
  if (cdOffset + cdSize > source.size) {
    throw new TruncatedError(`The ${label} is truncated: its central directory should span bytes ${cdOffset}–${cdOffset + cdSize} but the file ends at byte ${source.size}`);
  }
  if (cdSize > MAX_DIRECTORY) throw new TruncatedError(`The ${label} is damaged: its central directory claims ${cdSize} bytes`);
  const cd = await readExact(source, cdOffset, cdSize, `The ${label}'s central directory`);
  const cv = view(cd);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cv.getUint32(p, true) !== CENTRAL) throw new TruncatedError(`The ${label} is damaged: central directory entry ${i + 1} of ${count} is malformed`);
    const nameLength = cv.getUint16(p + 28, true);
    const extraLength = cv.getUint16(p + 30, true);
    const commentLength = cv.getUint16(p + 32, true);
    const path = utf8.decode(cd.subarray(p + 46, p + 46 + nameLength));
    let compressedSize = cv.getUint32(p + 20, true);
    let size = cv.getUint32(p + 24, true);
    let localHeaderOffset = cv.getUint32(p + 42, true);
    // ZIP64 extra field: only the values saturated at 0xFFFFFFFF are present, in this fixed order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = cv.getUint16(e, true);
      const length = cv.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(cv, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(cv, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(cv, q);
      }
      e += 4 + length;
    }
    entries.push({ path, method: cv.getUint16(p + 10, true), compressedSize, size, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function dataOffset(source: ByteSource, entry: ZipEntry, label: string): Promise<number> {
  const local = view(await readExact(source, entry.localHeaderOffset, 30, `The ${label} entry ${entry.path}`));
  if (local.getUint32(0, true) !== LOCAL) throw new TruncatedError(`The ${label} is damaged: the local header of ${entry.path} is missing`);
  const start = entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  if (start + entry.compressedSize > source.size) {
    throw new TruncatedError(`The ${label} is truncated: ${entry.path} should end at byte ${start + entry.compressedSize} but the file ends at byte ${source.size}`);
  }
  return start;
}

/** A stored entry as a ByteSource of its own: nothing is copied, whatever its size. */
export async function storedEntrySource(source: ByteSource, entry: ZipEntry, label = 'zip'): Promise<ByteSource | undefined> {
  if (entry.method !== 0) return undefined;
  const start = await dataOffset(source, entry, label);
  return {
    size: entry.size,
    read: (offset, length) => source.read(start + offset, Math.max(0, Math.min(length, entry.size - offset))),
  };
}

/**
 * Deflate expands at most about 1032:1, so inflating this much input at a time makes at most ~16 MiB of output
 * before the size check below can stop it: an entry whose directory understates its size (a zip bomb) is caught
 * after one such step instead of being inflated whole by a single push.
 */
const INFLATE_STEP = 16 << 10;
const READ_STEP = 1 << 20;

/** An entry's bytes, inflated chunk by chunk; refuses entries bigger than `limit` before reading them. */
export async function readZipEntry(source: ByteSource, entry: ZipEntry, limit: number, label = 'zip'): Promise<Uint8Array> {
  if (entry.size > limit) throw new TruncatedError(`${entry.path} is ${entry.size} bytes, more than the ${limit}-byte limit for reading it in the browser`);
  if (entry.method !== 0 && entry.method !== 8) throw new TruncatedError(`${entry.path} uses zip compression method ${entry.method}; only stored and deflate are supported`);
  const start = await dataOffset(source, entry, label);
  if (entry.method === 0) return readExact(source, start, entry.size, `The ${label} entry ${entry.path}`);
  const out = new Uint8Array(entry.size);
  let filled = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    if (filled + chunk.length > out.length) overflow = true;
    else out.set(chunk, filled);
    filled += chunk.length;
  });
  for (let at = 0; at < entry.compressedSize && !overflow; at += READ_STEP) {
    const bytes = await readExact(source, start + at, Math.min(READ_STEP, entry.compressedSize - at), `The ${label} entry ${entry.path}`);
    for (let i = 0; i < bytes.length && !overflow; i += INFLATE_STEP) {
      inflate.push(bytes.subarray(i, i + INFLATE_STEP), at + i + INFLATE_STEP >= entry.compressedSize);
    }
  }
  if (entry.compressedSize === 0) inflate.push(new Uint8Array(0), true);
  if (overflow) throw new TruncatedError(`The ${label} is damaged: ${entry.path} inflates to more than the ${entry.size} bytes its directory says`);
  if (filled !== entry.size) throw new TruncatedError(`The ${label} is damaged: ${entry.path} inflates to ${filled} bytes, not the ${entry.size} its directory says`);
  return out;
}
