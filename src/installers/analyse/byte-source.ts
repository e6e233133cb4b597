import type { ByteSource } from './types';

/** Reads slices of a File/Blob on demand, so a multi-GB installer is never loaded whole. */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async read(offset, length) {
      const start = Math.max(0, Math.min(offset, blob.size));
      const end = Math.max(start, Math.min(offset + length, blob.size));
      return new Uint8Array(await blob.slice(start, end).arrayBuffer());
    },
  };
}

/** An in-memory source (tests, nested entries already inflated). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(offset, length) {
      const start = Math.max(0, Math.min(offset, bytes.length));
      const end = Math.max(start, Math.min(offset + length, bytes.length));
      return Promise.resolve(bytes.subarray(start, end));
    },
  };
}

/** Reads exactly `length` bytes or reports how far the file goes, so analysers can say where it was cut. */
export async function readExact(source: ByteSource, offset: number, length: number, what: string): Promise<Uint8Array> {
  if (offset < 0 || offset + length > source.size) {
    throw new TruncatedError(`${what} should be at bytes ${offset}–${offset + length}, but the file ends at byte ${source.size}: it is truncated or damaged`);
  }
  const bytes = await source.read(offset, length);
  if (bytes.length < length) {
    throw new TruncatedError(`${what} should be at bytes ${offset}–${offset + length}, but only ${bytes.length} bytes could be read there`);
  }
  return bytes;
}

/** A malformed or truncated file: the message is shown to the user as the analysis error. */
export class TruncatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TruncatedError';
  }
}
