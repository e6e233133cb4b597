import { openSync, readSync, fstatSync, readFileSync } from 'node:fs';
import { bytesSource } from '../../src/installers/analyse/byte-source';
import type { ByteSource } from '../../src/installers/analyse/types';

/** A file read by positioned reads, as a Blob is in the browser; counts bytes read so tests can check laziness. */
export function fileSource(path: string): ByteSource & { bytesRead: number } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const source = {
    size,
    bytesRead: 0,
    read(offset: number, length: number) {
      const start = Math.max(0, Math.min(offset, size));
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - start)));
      const n = readSync(fd, buffer, 0, buffer.length, start);
      source.bytesRead += n;
      return Promise.resolve(buffer.subarray(0, n));
    },
  };
  return source;
}

export function fileBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export { bytesSource };
