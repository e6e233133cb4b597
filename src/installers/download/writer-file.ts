/**
 * A SpillFile written by a worker of its own (spill-writer.ts): pieces are transferred to it, at most
 * IN_FLIGHT_BYTES ahead of what it has written, then read back by the installer worker as a File once closed.
 */
import { blobSource } from '../analyse/byte-source';
import { downloadsDirectory, type SpillFile } from './spill';
import type { WriterRequest, WriterResponse } from './spill-writer-protocol';

/** Enough to keep the writer busy while the next pieces are hashed; bounded so a slow disk slows the download. */
export const IN_FLIGHT_BYTES = 32 * 1024 * 1024;

function wholeBuffer(piece: Uint8Array): ArrayBuffer {
  // A piece that owns its whole buffer is moved without a copy; a view into a larger one is copied out.
  if (piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength && piece.buffer instanceof ArrayBuffer) return piece.buffer;
  return piece.slice().buffer;
}

export async function openWriterFile(): Promise<SpillFile> {
  const worker = new Worker(new URL('./spill-writer.ts', import.meta.url), { type: 'module', name: 'installer-spill' });
  const state = { name: '', inFlight: 0, finished: false, failure: undefined as DOMException | undefined };
  const waiters = new Set<() => void>();
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
    else if (message.type === 'written') state.inFlight -= message.bytes;
    else if (message.type === 'finished') state.finished = true;
    else if (message.type === 'removed') worker.terminate();
    else if (message.type === 'failed') state.failure = new DOMException(message.message, message.name);
    for (const waiter of [...waiters]) waiter();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    state.failure = new DOMException(event.message || 'The spill writer stopped.', 'InvalidStateError');
    for (const waiter of [...waiters]) waiter();
  };

  post({ type: 'open' });
  await until(() => state.name !== '');
  return {
    async write(piece, at) {
      if (state.failure) throw state.failure;
      const buffer = wholeBuffer(piece);
      state.inFlight += buffer.byteLength;
      post({ type: 'write', buffer, at }, [buffer]);
      await until(() => state.inFlight <= IN_FLIGHT_BYTES);
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
