/**
 * A SpillFile written by a worker of its own (spill-writer.ts). Buffers go to the writer and come back once
 * written, so a download reuses a few of them instead of leaving a trail of garbage: fresh ArrayBuffers per piece
 * were collected too late and grew the tab by half a gigabyte over a 4 GiB download. The pool's size is also the
 * bound on what waits to be written, so a slow disk slows the download instead of filling memory.
 */
import { blobSource } from '../analyse/byte-source';
import { CHUNK_BYTES } from '../protocol';
import { downloadsDirectory, type SpillFile } from './spill';
import type { WriterRequest, WriterResponse } from './spill-writer-protocol';

/** Buffers of CHUNK_BYTES in use at most: read into, hashed, written. */
export const POOL_BUFFERS = 4;

export async function openWriterFile(): Promise<SpillFile> {
  const worker = new Worker(new URL('./spill-writer.ts', import.meta.url), { type: 'module', name: 'installer-spill' });
  const state = { name: '', finished: false, failure: undefined as DOMException | undefined };
  const free: ArrayBuffer[] = [];
  let made = 0;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  /** Resolves once `ready()` holds, or rejects with the writer's failure. */
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!state.failure && !ready()) return;
        waiters.delete(check);
        if (state.failure) reject(state.failure);
        else resolve();
      };
      waiters.add(check);
      check();
    });
  const post = (message: WriterRequest, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

  worker.onmessage = (event: MessageEvent<WriterResponse>) => {
    const message = event.data;
    if (message.type === 'opened') state.name = message.name;
    else if (message.type === 'written') free.push(message.buffer);
    else if (message.type === 'finished') state.finished = true;
    else if (message.type === 'removed') worker.terminate();
    else if (message.type === 'failed') state.failure = new DOMException(message.message, message.name);
    wake();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    state.failure = new DOMException(event.message || 'The spill writer stopped.', 'InvalidStateError');
    wake();
  };

  const takeBuffer = async (): Promise<ArrayBuffer> => {
    if (free.length === 0 && made < POOL_BUFFERS) {
      made += 1;
      return new ArrayBuffer(CHUNK_BYTES);
    }
    await until(() => free.length > 0);
    return free.pop()!;
  };

  post({ type: 'open' });
  await until(() => state.name !== '');
  return {
    takeBuffer,
    async write(piece, at) {
      if (state.failure) throw state.failure;
      // A pool buffer moves to the writer as it is; anything else (what memory held) is copied into pool buffers.
      if (piece.byteOffset === 0 && piece.buffer.byteLength === CHUNK_BYTES && piece.buffer instanceof ArrayBuffer) {
        post({ type: 'write', buffer: piece.buffer, length: piece.byteLength, at }, [piece.buffer]);
        return;
      }
      for (let done = 0; done < piece.byteLength; done += CHUNK_BYTES) {
        const part = piece.subarray(done, done + CHUNK_BYTES);
        const buffer = await takeBuffer();
        new Uint8Array(buffer).set(part);
        post({ type: 'write', buffer, length: part.byteLength, at: at + done }, [buffer]);
      }
    },
    async finish() {
      post({ type: 'finish' });
      await until(() => state.finished);
      const dir = await downloadsDirectory();
      return blobSource(await (await dir.getFileHandle(state.name)).getFile());
    },
    remove() {
      post({ type: 'remove' });
    },
  };
}
