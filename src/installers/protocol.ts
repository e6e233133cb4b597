/** The messages between the page and an installer worker (src/installers/worker.ts). */
import type { InstallerAnalysis } from './analyse/types';
import type { DownloadFailure } from './download/download';

export type WorkerRequest =
  /** Hash the whole file, then (when `analyse`) read what the installer says about itself. */
  | { type: 'hash'; jobId: number; file: Blob; name: string; analyse: boolean }
  /** Analysis only, e.g. again with the nested installer the user chose inside a zip. */
  | { type: 'analyse'; jobId: number; file: Blob; name: string; nestedPath?: string }
  /**
   * Download `url`, hashing as it arrives, then analyse the bytes (again with `nestedPath` when the user chose an
   * installer inside a zip that was too big to keep in memory). `accept` is sent as the Accept header.
   */
  | { type: 'fetch'; jobId: number; url: string; accept?: string; name: string; analyse: boolean; nestedPath?: string; memoryLimit?: number };

export type JobStage = 'hash' | 'analyse';

export type WorkerResponse =
  | { type: 'progress'; jobId: number; bytesDone: number }
  /** Lower-case hex; the UI writes it upper-case. */
  | { type: 'hashed'; jobId: number; sha256: string; seconds: number }
  | { type: 'analysed'; jobId: number; analysis: InstallerAnalysis }
  /** A download got its answer; `total` from Content-Length when known. */
  | { type: 'fetch-started'; jobId: number; total?: number; finalUrl: string; redirected: boolean }
  /** A download is complete; `file` holds its bytes when they were small enough to keep in memory. */
  | { type: 'fetched'; jobId: number; size: number; file?: Blob }
  | { type: 'failed'; jobId: number; stage: JobStage; message: string; failure?: DownloadFailure; status?: number }
  /** The job is over (after `hashed`/`analysed` or `failed`): the worker takes the next one. */
  | { type: 'done'; jobId: number };

/** How often a worker reports progress at most: ten times a second is smooth and costs nothing. */
export const PROGRESS_INTERVAL_MS = 100;

/** Reading in chunks of this size keeps per-read overhead low while two in flight stay small. */
export const CHUNK_BYTES = 8 * 1024 * 1024;
