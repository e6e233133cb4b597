/**
 * Where a download's bytes wait for analysis. Analysis needs random access to the whole file (an MSI's tables or
 * a zip's central directory can be anywhere), so the bytes are kept; up to `memoryLimit` in memory, beyond it in
 * the Origin Private File System through a worker's synchronous access handle, so a 4 GiB download does not grow
 * the tab. The file is removed when the job ends (`dispose`), and leftovers of a killed worker on the next start.
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

export type SpillFileOpener = () => Promise<{ handle: SyncAccessHandle; remove: () => Promise<void> }>;

const DIRECTORY = 'wingsmith-downloads';
let counter = 0;

async function downloadsDirectory(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(DIRECTORY, { create: true });
}

/** A new OPFS file for one download; its name is unique to this worker and job. */
export const opfsOpener: SpillFileOpener = async () => {
  const dir = await downloadsDirectory();
  const name = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${++counter}.part`;
  const file = (await dir.getFileHandle(name, { create: true })) as unknown as SyncFileHandle;
  const handle = await file.createSyncAccessHandle();
  return { handle, remove: () => dir.removeEntry(name).catch(() => undefined) };
};

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
  #file: { handle: SyncAccessHandle; remove: () => Promise<void> } | undefined;
  #memory: Uint8Array<ArrayBuffer>;
  #size = 0;

  private constructor(limit: number, open: SpillFileOpener, expected: number | undefined) {
    this.#limit = limit;
    this.#open = open;
    this.#memory = new Uint8Array(expected !== undefined && expected <= limit ? expected : Math.min(limit, 1 << 20));
  }

  static async create(options: { expected?: number; memoryLimit?: number; openFile?: SpillFileOpener } = {}): Promise<Spill> {
    const spill = new Spill(options.memoryLimit ?? MEMORY_LIMIT, options.openFile ?? opfsOpener, options.expected);
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

  /** Appends the piece; the caller may reuse its buffer afterwards. */
  async write(piece: Uint8Array): Promise<void> {
    if (!this.#file && this.#size + piece.byteLength > this.#limit) await this.#moveToFile();
    if (this.#file) {
      this.#file.handle.write(piece, { at: this.#size });
    } else {
      if (this.#size + piece.byteLength > this.#memory.length) this.#grow(this.#size + piece.byteLength);
      this.#memory.set(piece, this.#size);
    }
    this.#size += piece.byteLength;
  }

  /** Random reads of everything written. */
  source(): ByteSource {
    if (this.#file) {
      this.#file.handle.flush();
      return fileSource(this.#file.handle, this.#size);
    }
    return memorySource(this.#memory.subarray(0, this.#size));
  }

  /** The bytes as a Blob while they are in memory, so the page can analyse them again without a download. */
  blob(): Blob | undefined {
    return this.#file ? undefined : new Blob([this.#memory.subarray(0, this.#size)]);
  }

  dispose(): void {
    const file = this.#file;
    this.#file = undefined;
    this.#memory = new Uint8Array(0);
    if (!file) return;
    try {
      file.handle.close();
    } catch {
      // Already closed; the removal is what matters.
    }
    void file.remove();
  }

  #grow(need: number): void {
    const next = new Uint8Array(Math.min(this.#limit, Math.max(need, this.#memory.length * 2)));
    next.set(this.#memory.subarray(0, this.#size));
    this.#memory = next;
  }

  async #moveToFile(): Promise<void> {
    this.#file = await this.#open();
    if (this.#size > 0) this.#file.handle.write(this.#memory.subarray(0, this.#size), { at: 0 });
    this.#memory = new Uint8Array(0);
  }
}
