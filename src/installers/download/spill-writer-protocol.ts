/** Messages between the installer worker and its spill writer (spill-writer.ts). */
export type WriterRequest =
  | { type: 'open' }
  /** `buffer` is transferred; `at` is its offset in the file. */
  | { type: 'write'; buffer: ArrayBuffer; at: number }
  | { type: 'finish' }
  | { type: 'remove' };

export type WriterResponse =
  | { type: 'opened'; name: string }
  | { type: 'written'; bytes: number }
  | { type: 'finished' }
  | { type: 'removed' }
  /** A write or the file itself failed; `name` is the DOMException's (QuotaExceededError, …). */
  | { type: 'failed'; name: string; message: string };
