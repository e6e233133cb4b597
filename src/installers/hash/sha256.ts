import { INPUT_CAPACITY, INPUT_OFFSET, sha256ModuleBytes } from './sha256-module';

const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

let compiled: Promise<WebAssembly.Module> | undefined;

/** Lower-case hex of a digest. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Streaming SHA-256: feed any number of pieces of any size, then take the digest once. */
export interface Sha256 {
  update(piece: Uint8Array): void;
  /** The 32-byte digest; the hasher cannot be used afterwards. */
  digest(): Uint8Array;
  /** The digest as lower-case hex. */
  hex(): string;
}

interface Exports {
  memory: WebAssembly.Memory;
  blocks: (at: number, count: number) => void;
}

class WasmSha256 implements Sha256 {
  readonly #blocks: Exports['blocks'];
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  /** Bytes waiting in the input area; fewer than 64 between calls. */
  #pending = 0;
  #length = 0;
  #finished = false;

  constructor(exports: Exports) {
    this.#blocks = exports.blocks;
    this.#bytes = new Uint8Array(exports.memory.buffer);
    this.#view = new DataView(exports.memory.buffer);
    IV.forEach((word, i) => this.#view.setUint32(i * 4, word, true));
  }

  update(piece: Uint8Array): void {
    if (this.#finished) throw new Error('This SHA-256 has already given its digest.');
    this.#length += piece.byteLength;
    for (let read = 0; read < piece.byteLength; ) {
      const take = Math.min(INPUT_CAPACITY - this.#pending, piece.byteLength - read);
      this.#bytes.set(piece.subarray(read, read + take), INPUT_OFFSET + this.#pending);
      read += take;
      this.#pending += take;
      const whole = this.#pending & ~63;
      if (whole > 0) {
        this.#blocks(INPUT_OFFSET, whole / 64);
        this.#bytes.copyWithin(INPUT_OFFSET, INPUT_OFFSET + whole, INPUT_OFFSET + this.#pending);
        this.#pending -= whole;
      }
    }
  }

  digest(): Uint8Array {
    if (this.#finished) throw new Error('This SHA-256 has already given its digest.');
    this.#finished = true;
    // Padding: 0x80, zeros up to 56 mod 64, then the length in bits as a big-endian 64-bit number.
    const end = INPUT_OFFSET + this.#pending;
    const padded = this.#pending < 56 ? 64 : 128;
    this.#bytes.fill(0, end, INPUT_OFFSET + padded);
    this.#bytes[end] = 0x80;
    this.#view.setUint32(INPUT_OFFSET + padded - 8, Math.floor(this.#length / 0x20000000), false);
    this.#view.setUint32(INPUT_OFFSET + padded - 4, (this.#length * 8) >>> 0, false);
    this.#blocks(INPUT_OFFSET, padded / 64);
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) outView.setUint32(i * 4, this.#view.getUint32(i * 4, true), false);
    return out;
  }

  hex(): string {
    return toHex(this.digest());
  }
}

/** Compiles the module now (a worker starting), so the first large file does not wait for it. */
export function precompileSha256(): Promise<WebAssembly.Module> {
  return (compiled ??= WebAssembly.compile(sha256ModuleBytes()));
}

/** A fresh hasher; the module is compiled once per thread, each hasher has its own memory. */
export async function createSha256(): Promise<Sha256> {
  const instance = await WebAssembly.instantiate(await precompileSha256());
  return new WasmSha256(instance.exports as unknown as Exports);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const hasher = await createSha256();
  hasher.update(bytes);
  return hasher.hex();
}
