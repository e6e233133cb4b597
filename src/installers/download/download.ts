/**
 * Downloads an installer and hashes it as the bytes arrive: each piece of the response body goes through the
 * streaming SHA-256 and into the spill (for analysis), so the bytes are read from the network once and never
 * passed over again. Failures are told apart as the user needs them told: the server's answer, a browser that
 * refuses (CORS), a server that cannot be reached, no data for too long, a connection that dropped mid-way.
 */
import { createSha256 } from '../hash/sha256';
import { CHUNK_BYTES, PROGRESS_INTERVAL_MS } from '../protocol';
import { Spill, type SpillFileOpener } from './spill';

export type DownloadFailure = 'http' | 'blocked' | 'unreachable' | 'timeout' | 'dropped' | 'storage';

export class DownloadError extends Error {
  constructor(
    readonly failure: DownloadFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadRequest {
  url: string;
  /** `application/octet-stream` for a GitHub release asset through the API; a CORS-safelisted header, no preflight. */
  accept?: string;
  /** What the user knows the file as (the InstallerUrl's file name), for messages. */
  fileName: string;
}

export interface DownloadStart {
  /** From Content-Length, when the server says it (and the body is not re-encoded). */
  total?: number;
  finalUrl: string;
  redirected: boolean;
}

export interface DownloadOptions {
  fetch?: typeof fetch;
  /** No byte for this long (before the answer or between pieces) ends the download. */
  idleTimeoutMs?: number;
  memoryLimit?: number;
  /** Where bytes beyond the memory limit go (the app: an OPFS file written by a worker of its own). */
  openFile: SpillFileOpener;
  onStart?(start: DownloadStart): void;
  /** At most every PROGRESS_INTERVAL_MS, and once at the end. */
  onProgress?(bytesDone: number): void;
  now?: () => number;
}

export interface Downloaded extends DownloadStart {
  /** Lower-case hex. */
  sha256: string;
  size: number;
  /** The bytes, for analysis; `dispose` it when done. */
  spill: Spill;
}

export const IDLE_TIMEOUT_MS = 30_000;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes >= 10_000_000 ? 0 : 1)} MB`;
}

function isStorageError(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError' || name === 'NoModificationAllowedError' || name === 'InvalidStateError';
}

/**
 * A fetch that fails without an answer is either refused by the browser (the server sends no CORS headers) or
 * never reached the server; scripts are not told which. A `no-cors` request answers (opaquely) exactly when the
 * server is there, so it tells the two apart without reading anything.
 */
async function whyUnanswered(fetchImpl: typeof fetch, request: DownloadRequest, signal: AbortSignal): Promise<DownloadError> {
  const host = (() => {
    try {
      return new URL(request.url).host;
    } catch {
      return request.url;
    }
  })();
  try {
    const probe = await fetchImpl(request.url, { method: 'HEAD', mode: 'no-cors', credentials: 'omit', referrerPolicy: 'no-referrer', signal });
    void probe.body?.cancel();
    return new DownloadError(
      'blocked',
      `${host} does not let web pages download ${request.fileName} (it sends no CORS headers). Download ${request.fileName} yourself and drop it here: Wingsmith hashes and reads it the same way.`,
    );
  } catch {
    return new DownloadError('unreachable', `${host} could not be reached (no connection, the address is wrong, or its certificate is not trusted).`);
  }
}

function totalOf(response: Response): number | undefined {
  // A re-encoded body (gzip) arrives decoded, so the header's length is not the installer's.
  if (response.headers.get('content-encoding')) return undefined;
  const value = Number(response.headers.get('content-length') ?? NaN);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * The response body piece by piece: read into the caller's buffer where the browser can (BYOB, no garbage per
 * piece), else as the stream hands its own pieces out. `undefined` at the end.
 */
interface BodyReader {
  byob: boolean;
  /** The next piece, or undefined at the end; `reclaim` hands back the buffer a BYOB read took (at the end too). */
  read(into: Uint8Array, reclaim: (buffer: ArrayBuffer) => void): Promise<Uint8Array | undefined>;
  cancel(): void;
}

function bodyReader(body: ReadableStream<Uint8Array>): BodyReader {
  try {
    const reader = body.getReader({ mode: 'byob' });
    return {
      byob: true,
      async read(into, reclaim) {
        const length = into.byteLength;
        for (;;) {
          const { done, value } = await reader.read(into);
          if (value) reclaim(value.buffer as ArrayBuffer);
          if (done || !value) return undefined;
          if (value.byteLength > 0) return value;
          // An empty piece still moved the buffer: read into it again, where it was.
          into = new Uint8Array(value.buffer, value.byteOffset, length);
        }
      },
      cancel: () => void reader.cancel().catch(() => undefined),
    };
  } catch {
    const reader = body.getReader();
    return {
      byob: false,
      async read() {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return undefined;
          if (value.byteLength > 0) return value;
        }
      },
      cancel: () => void reader.cancel().catch(() => undefined),
    };
  }
}

export async function downloadAndHash(request: DownloadRequest, options: DownloadOptions): Promise<Downloaded> {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? (() => performance.now());
  const idleMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, idleMs);
  };
  const timeoutError = (done: number) =>
    new DownloadError('timeout', `No data arrived for ${Math.round(idleMs / 1000)} s${done > 0 ? ` after ${megabytes(done)}` : ''}: the server stopped answering.`);

  touch();
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      headers: request.accept ? { Accept: request.accept } : {},
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: controller.signal,
    });
  } catch {
    clearTimeout(timer);
    if (timedOut) throw timeoutError(0);
    throw await whyUnanswered(fetchImpl, request, AbortSignal.timeout(idleMs));
  }
  if (!response.ok) {
    clearTimeout(timer);
    void response.body?.cancel();
    throw new DownloadError('http', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${request.fileName}.`, response.status);
  }
  const start: DownloadStart = { finalUrl: response.url || request.url, redirected: response.redirected };
  const total = totalOf(response);
  if (total !== undefined) start.total = total;
  options.onStart?.(start);

  const hasher = await createSha256();
  let spill: Spill;
  try {
    spill = await Spill.create({ openFile: options.openFile, ...(total !== undefined ? { expected: total } : {}), ...(options.memoryLimit !== undefined ? { memoryLimit: options.memoryLimit } : {}) });
  } catch (error) {
    clearTimeout(timer);
    void response.body?.cancel();
    throw new DownloadError('storage', `The browser gave no room to keep ${request.fileName} for analysis: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = response.body;
  const pieces = body ? bodyReader(body) : undefined;
  let done = 0;
  let lastReport = now();
  /** A spill step whose failure, when the disk is full or refused, is told as a storage error. */
  const kept = <T>(step: Promise<T> | undefined): Promise<T | undefined> | undefined =>
    step?.catch((error: unknown) =>
      Promise.reject(
        isStorageError(error)
          ? new DownloadError('storage', `There is no room left in the browser's storage to keep ${request.fileName} (${megabytes(done)} kept). Free some disk space, or download the file and drop it here.`)
          : error,
      ),
    );
  try {
    // Each piece is hashed as it arrives and gathered into a buffer, which goes to the spill once full.
    let buffer = await kept(spill.takeBuffer());
    let filled = 0;
    for (;;) {
      buffer ??= new ArrayBuffer(CHUNK_BYTES);
      let piece: Uint8Array | undefined;
      try {
        piece = pieces ? await pieces.read(new Uint8Array(buffer, filled, buffer.byteLength - filled), (b) => (buffer = b)) : undefined;
      } catch {
        if (timedOut) throw timeoutError(done);
        throw new DownloadError('dropped', `The connection dropped after ${megabytes(done)}${total !== undefined ? ` of ${megabytes(total)}` : ''}.`);
      }
      if (piece) {
        touch();
        hasher.update(piece);
        // A BYOB piece waits in the buffer; a piece of the stream's own goes to the spill as it is.
        if (pieces?.byob) filled += piece.byteLength;
        else await kept(spill.write(piece));
        done += piece.byteLength;
        const t = now();
        if (options.onProgress && t - lastReport >= PROGRESS_INTERVAL_MS) {
          lastReport = t;
          options.onProgress(done);
        }
      }
      const ended = piece === undefined;
      if (filled > 0 && (ended || filled === buffer.byteLength)) {
        // May take the buffer (a pool buffer moves to the writer); one that was copied (memory) is read into again.
        await kept(spill.write(new Uint8Array(buffer, 0, filled)));
        filled = 0;
        const reusable = buffer.byteLength > 0 ? buffer : undefined;
        buffer = ended ? undefined : ((await kept(spill.takeBuffer())) ?? reusable);
      }
      if (ended) break;
    }
    if (total !== undefined && done !== total) {
      throw new DownloadError('dropped', `The connection dropped after ${megabytes(done)} of ${megabytes(total)}.`);
    }
  } catch (error) {
    spill.dispose();
    pieces?.cancel();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  options.onProgress?.(done);
  return { ...start, sha256: hasher.hex(), size: done, spill };
}
