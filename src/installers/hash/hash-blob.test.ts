import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CancelledError, hashBlob, WHOLE_FILE_LIMIT } from './hash-blob';
import { readErrorMessage } from './read-error';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('hashBlob', () => {
  it('matches a one-shot SHA-256 across chunk boundaries', async () => {
    const bytes = new Uint8Array(randomBytes(1_000_003));
    for (const engine of ['auto', 'wasm'] as const) {
      for (const reader of ['auto', 'slices'] as const) {
        for (const chunkBytes of [4096, 65_536, 999_999, 2_000_000]) {
          expect(await hashBlob(new Blob([bytes]), { chunkBytes, reader, engine })).toBe(sha(bytes));
        }
      }
    }
  });

  it('hashes an empty file', async () => {
    expect(await hashBlob(new Blob([]))).toBe(sha(new Uint8Array()));
    expect(await hashBlob(new Blob([]), { engine: 'wasm' })).toBe(sha(new Uint8Array()));
  });

  it('streams files above the whole-file limit through WebAssembly, and gets the same digest', async () => {
    const bytes = new Uint8Array(WHOLE_FILE_LIMIT + 1);
    bytes[bytes.length - 1] = 7;
    expect(await hashBlob(new Blob([bytes]))).toBe(sha(bytes));
  });

  it('reports progress throttled and ends at the full size', async () => {
    const bytes = new Uint8Array(100_000);
    let clock = 0;
    const seen: number[] = [];
    await hashBlob(new Blob([bytes]), { chunkBytes: 10_000, reader: 'slices', now: () => (clock += 30), onProgress: (n) => seen.push(n) });
    expect(seen.at(-1)).toBe(100_000);
    // 30 ms per chunk and a 100 ms interval: about one report in four chunks, plus the last.
    expect(seen.length).toBeLessThanOrEqual(4);
  });

  it('stops between chunks when cancelled', async () => {
    let calls = 0;
    const promise = hashBlob(new Blob([new Uint8Array(50_000)]), { chunkBytes: 10_000, reader: 'slices', cancelled: () => ++calls > 2 });
    await expect(promise).rejects.toBeInstanceOf(CancelledError);
  });

  it('fails when the file is shorter than it said', async () => {
    const blob = new Blob([new Uint8Array(10)]);
    const liar = { size: 20, slice: (a?: number, b?: number) => blob.slice(a, b) } as unknown as Blob;
    await expect(hashBlob(liar, { chunkBytes: 8, reader: 'slices' })).rejects.toThrow(/ended after 10 of 20 bytes/);
  });
});

it('streams into a reused buffer where the stream allows it', async () => {
  const bytes = new Uint8Array(randomBytes(300_000));
  const seen: number[] = [];
  let clock = 0;
  const digest = await hashBlob(new Blob([bytes]), { chunkBytes: 65_536, now: () => (clock += 200), onProgress: (n) => seen.push(n) });
  expect(digest).toBe(sha(bytes));
  expect(seen.at(-1)).toBe(300_000);
});

describe('readErrorMessage', () => {
  it('explains NotReadableError', () => {
    expect(readErrorMessage(new DOMException('x', 'NotReadableError'))).toMatch(/could not be read/);
    expect(readErrorMessage(new Error('boom'))).toBe('boom');
  });
});
