/** Messages between the installer worker and its spill writer (spill-writer.ts). */
export type WriterRequest =
  | { type: 'open' }
  /** The first `length` bytes of `buffer` (transferred, and sent back once written) go to offset `at`. */
  | { type: 'write'; buffer: ArrayBuffer; length: number; at: number }
  | { type: 'finish' }
  | { type: 'remove' };

export type WriterResponse =
  | { type: 'opened'; name: string }
  /** The buffer of a write, back for the next piece. */
  | { type: 'written'; buffer: ArrayBuffer }
  | { type: 'finished' }
  | { type: 'removed' }
  /** A write or the file itself failed; `name` is the DOMException's (QuotaExceededError, …). */
  | { type: 'failed'; name: string; message: string };
