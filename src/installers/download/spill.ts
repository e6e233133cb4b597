/**
 * Where a download's bytes wait for analysis. Analysis needs random access to the whole file (an MSI's tables or
 * a zip's central directory can be anywhere), so the bytes are kept; up to `memoryLimit` in memory, beyond it in
 * the Origin Private File System through a worker's synchronous access handle, so a 4 GiB download does not grow
 * the tab. The file is removed when the job ends (`dispose`), and leftovers of a killed worker on the next start.
 * In the app the file is written by a worker of its own (spill-writer.ts), so writing overlaps hashing.
 */
import type { ByteSource } from '../analyse/types';

/** Bytes kept in memory before spilling: big enough for most installers, small enough to stay unnoticed. */
export const MEMORY_LIMIT = 64 * 1024 * 1024;

/** The part of the File System Access API a worker has (not in the DOM lib's types). */
export interface SyncAccessHandle {
  write(buffer: Uint8Array, options: { at: number }): number;
  read(buffer: Uint8Array, options: { at: number }): number;
  flush(): void;
  close(): void;
}
interface SyncFileHandle {
  createSyncAccessHandle(): Promise<SyncAccessHandle>;
}

/**
 * A file the bytes beyond the memory limit go to. Writes may take the piece's buffer (transfer it to the thread
 * that writes); a write resolves when the caller may go on, so a slow disk slows the download instead of
 * filling memory.
 */
export interface SpillFile {
  /** A buffer of CHUNK_BYTES to read the next piece into, when the file keeps a pool of them (waits for one). */
  takeBuffer?(): Promise<ArrayBuffer>;
  write(piece: Uint8Array, at: number): Promise<void>;
  /** Every write is on disk; random reads of the `size` bytes written. */
  finish(size: number): Promise<ByteSource>;
  remove(): void;
}

export type SpillFileOpener = () => Promise<SpillFile>;

export const DIRECTORY = 'wingsmith-downloads';
let counter = 0;

export async function downloadsDirectory(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(DIRECTORY, { create: true });
}

/** A new OPFS file with its synchronous access handle; the name is unique to this thread and job. */
export async function openSyncFile(): Promise<{ handle: SyncAccessHandle; name: string; remove: () => Promise<void> }> {
  const dir = await downloadsDirectory();
  // A worker starting up clears unlocked files; one created a moment before its lock is taken can go with them.
  for (let attempt = 0; ; attempt++) {
    const name = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${++counter}.part`;
    try {
      const file = (await dir.getFileHandle(name, { create: true })) as unknown as SyncFileHandle;
      const handle = await file.createSyncAccessHandle();
      return { handle, name, remove: () => dir.removeEntry(name).catch(() => undefined) };
    } catch (error) {
      if (attempt >= 2 || !(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
    }
  }
}

/** Writes on this thread through the handle (tests, and browsers without nested workers). */
export function syncHandleFile(handle: SyncAccessHandle, remove: () => Promise<void>): SpillFile {
  let closed = false;
  return {
    write(piece, at) {
      handle.write(piece, { at });
      return Promise.resolve();
    },
    finish(size) {
      handle.flush();
      return Promise.resolve(fileSource(handle, size));
    },
    remove() {
      if (!closed) {
        closed = true;
        try {
          handle.close();
        } catch {
          // Already closed; the removal is what matters.
        }
      }
      void remove();
    },
  };
}

/**
 * Removes what killed workers left (a cancel terminates the worker mid-download). A file another worker is
 * writing holds an exclusive lock, so its removal fails and it is left alone.
 */
export async function removeStaleSpills(): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return;
  const dir = await downloadsDirectory();
  const names: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  await Promise.all(names.map((name) => dir.removeEntry(name).catch(() => undefined)));
}

function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(Math.max(0, offset), Math.min(bytes.length, offset + length))),
  };
}

function fileSource(handle: SyncAccessHandle, size: number): ByteSource {
  return {
    size,
    read(offset, length) {
      const start = Math.max(0, Math.min(offset, size));
      const buffer = new Uint8Array(Math.max(0, Math.min(offset + length, size) - start));
      const n = buffer.length > 0 ? handle.read(buffer, { at: start }) : 0;
      return Promise.resolve(buffer.subarray(0, n));
    },
  };
}

/**
 * Starts in memory and moves to a file once past `memoryLimit` (at once when the expected size says it will).
 * `expected` sizes the memory buffer, so pieces are copied once.
 */
export class Spill {
  readonly #limit: number;
  readonly #open: SpillFileOpener;
  #file: SpillFile | undefined;
  #memory: Uint8Array<ArrayBuffer>;
  #size = 0;

  private constructor(limit: number, open: SpillFileOpener, expected: number | undefined) {
    this.#limit = limit;
    this.#open = open;
    this.#memory = new Uint8Array(expected !== undefined && expected <= limit ? expected : Math.min(limit, 1 << 20));
  }

  static async create(options: { expected?: number; memoryLimit?: number; openFile: SpillFileOpener }): Promise<Spill> {
    const spill = new Spill(options.memoryLimit ?? MEMORY_LIMIT, options.openFile, options.expected);
    if (options.expected !== undefined && options.expected > spill.#limit) await spill.#moveToFile();
    return spill;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.#size;
  }

  /** True once the bytes live in a file. */
  get spilled(): boolean {
    return this.#file !== undefined;
  }

  /** Appends the piece; once the bytes are in a file, its buffer may be taken (transferred), so do not reuse it. */
  async write(piece: Uint8Array): Promise<void> {
    if (!this.#file && this.#size + piece.byteLength > this.#limit) await this.#moveToFile();
    const at = this.#size;
    this.#size += piece.byteLength;
    if (this.#file) {
      await this.#file.write(piece, at);
      return;
    }
    if (at + piece.byteLength > this.#memory.length) this.#grow(at + piece.byteLength);
    this.#memory.set(piece, at);
  }

  /** Where to read the next piece: one of the file's pool buffers, or undefined to use the caller's own. */
  takeBuffer(): Promise<ArrayBuffer> | undefined {
    return this.#file?.takeBuffer?.();
  }

  /** Random reads of everything written (after the last write has settled). */
  source(): Promise<ByteSource> {
    if (this.#file) return this.#file.finish(this.#size);
    return Promise.resolve(memorySource(this.#memory.subarray(0, this.#size)));
  }

  /** The bytes as a Blob while they are in memory, so the page can analyse them again without a download. */
  blob(): Blob | undefined {
    return this.#file ? undefined : new Blob([this.#memory.subarray(0, this.#size)]);
  }

  dispose(): void {
    const file = this.#file;
    this.#file = undefined;
    this.#memory = new Uint8Array(0);
    file?.remove();
  }

  #grow(need: number): void {
    const next = new Uint8Array(Math.min(this.#limit, Math.max(need, this.#memory.length * 2)));
    next.set(this.#memory);
    this.#memory = next;
  }

  async #moveToFile(): Promise<void> {
    this.#file = await this.#open();
    if (this.#size > 0) await this.#file.write(this.#memory.subarray(0, this.#size), 0);
    this.#memory = new Uint8Array(0);
  }
}
