import { createSha256, toHex, type Sha256 } from './sha256';
import { CHUNK_BYTES, PROGRESS_INTERVAL_MS } from '../protocol';

export interface HashOptions {
  chunkBytes?: number;
  /** Called at most every PROGRESS_INTERVAL_MS, and once at the end. */
  onProgress?: (bytesDone: number) => void;
  /** Polled between chunks; true stops the hashing with a CancelledError. */
  cancelled?: () => boolean;
  now?: () => number;
  /** 'auto' streams into one reused buffer when the browser can (BYOB), else reads slices ahead. */
  reader?: 'auto' | 'slices';
  /**
   * 'auto' hashes files up to WHOLE_FILE_LIMIT with the platform's SHA-256 (WebCrypto: native, several times
   * faster than WebAssembly, but one-shot, so the file is held in memory once), larger ones streamed through
   * the WebAssembly SHA-256 (./sha256); 'wasm' always streams.
   */
  engine?: 'auto' | 'wasm';
}

/** Files up to this size are hashed whole with WebCrypto; the tab grows by at most this much meanwhile. */
export const WHOLE_FILE_LIMIT = 96 * 1024 * 1024;

/** Where the read pieces go: the streaming WebAssembly state, or one buffer for a one-shot WebCrypto digest. */
interface Sink {
  update(piece: Uint8Array): void;
  digest(): Promise<string>;
}

function wasmSink(hasher: Sha256): Sink {
  return { update: (piece) => hasher.update(piece), digest: async () => hasher.hex() };
}

function wholeFileSink(subtle: SubtleCrypto, size: number): Sink {
  const whole = new Uint8Array(size);
  let filled = 0;
  return {
    update(piece) {
      whole.set(piece, filled);
      filled += piece.byteLength;
    },
    async digest() {
      return toHex(new Uint8Array(await subtle.digest('SHA-256', whole)));
    },
  };
}

async function makeSink(size: number, engine: HashOptions['engine']): Promise<Sink> {
  const subtle = globalThis.crypto?.subtle;
  // WebCrypto exists only in secure contexts (https, localhost); elsewhere, and for big files, stream.
  if (engine !== 'wasm' && subtle && size > 0 && size <= WHOLE_FILE_LIMIT) return wholeFileSink(subtle, size);
  return wasmSink(await createSha256());
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

interface Step {
  /** Feeds the next chunk to the hasher; resolves to its length, 0 at the end. */
  next(): Promise<number>;
  stop(): void;
}

/**
 * Streams the file into one buffer that is reused for every read. Each piece is hashed as soon as it arrives:
 * while it is hashed the browser keeps queueing data, so the next read returns a larger piece and reading
 * overlaps hashing. (Filling the whole buffer before hashing drains the queue in many small reads and was
 * measured ~15% slower.) No garbage piles up, so memory stays flat for any size.
 */
function byobSteps(blob: Blob, hasher: Sink, chunk: number): Step | undefined {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = blob.stream().getReader({ mode: 'byob' });
  } catch {
    return undefined;
  }
  let buffer = new ArrayBuffer(chunk);
  let ended = false;
  return {
    async next() {
      while (!ended) {
        const { done, value } = await reader.read(new Uint8Array(buffer, 0, chunk));
        if (done) ended = true;
        if (value) {
          buffer = value.buffer as ArrayBuffer;
          if (value.byteLength > 0) {
            hasher.update(value);
            return value.byteLength;
          }
        }
      }
      return 0;
    },
    stop() {
      reader.cancel().catch(() => undefined);
    },
  };
}

/** Fallback: slices read one ahead, so the next read is in flight while the current chunk is hashed. */
function sliceSteps(blob: Blob, hasher: Sink, chunk: number): Step {
  const size = blob.size;
  let offset = 0;
  const read = (from: number) => blob.slice(from, Math.min(size, from + chunk)).arrayBuffer();
  let pending: Promise<ArrayBuffer> | undefined = size > 0 ? read(0) : undefined;
  return {
    async next() {
      if (!pending) return 0;
      const buffer = await pending;
      offset += buffer.byteLength;
      pending = buffer.byteLength > 0 && offset < size ? read(offset) : undefined;
      hasher.update(new Uint8Array(buffer));
      return buffer.byteLength;
    },
    stop() {
      pending?.catch(() => undefined);
    },
  };
}

/**
 * SHA-256 of a Blob (a File in the worker) as lower-case hex, read in chunks: big files stream with flat memory,
 * small ones (≤ WHOLE_FILE_LIMIT) are gathered once for the faster native digest.
 */
export async function hashBlob(blob: Blob, options: HashOptions = {}): Promise<string> {
  const chunk = options.chunkBytes ?? CHUNK_BYTES;
  const now = options.now ?? (() => performance.now());
  const size = blob.size;
  const hasher = await makeSink(size, options.engine);
  const steps = (options.reader !== 'slices' && byobSteps(blob, hasher, chunk)) || sliceSteps(blob, hasher, chunk);
  let done = 0;
  let lastReport = now();
  try {
    for (;;) {
      if (options.cancelled?.()) throw new CancelledError();
      const n = await steps.next();
      if (n === 0) break;
      done += n;
      const t = now();
      if (options.onProgress && (t - lastReport >= PROGRESS_INTERVAL_MS || done >= size)) {
        lastReport = t;
        options.onProgress(done);
      }
    }
  } catch (error) {
    steps.stop();
    throw error;
  }
  if (done !== size) throw new Error(`The file ended after ${done} of ${size} bytes; it may have changed while being read.`);
  return hasher.digest();
}
