/* The bad-input corpus: what one input is, and what each of the three paths must answer for it. */

export type Verdict = 'error' | 'warning' | 'ok' | 'refused';
export type PathName = 'cli' | 'import' | 'installer';
export const PATHS: readonly PathName[] = ['cli', 'import', 'installer'];

export interface Expectation {
  verdict: Verdict | readonly Verdict[];
  /** Some message (error or warning) must match this. */
  message?: RegExp;
  /** That message must carry a line (> 0); a number asks for that very line. */
  line?: boolean | number;
  /** That message must name this field. */
  field?: string;
}

export interface BadInput {
  /** Unique, short: the table's first column and the input's folder on disk. */
  name: string;
  family: string;
  /** The name the user's file would have. */
  fileName: string;
  /** Built on first use and kept: some inputs cost a few hundred milliseconds to make. */
  bytes(): Uint8Array;
  /** Inside a zip: the entry the installer path analyses, as the worker's nested analysis does. */
  nestedPath?: string;
  expect: Record<PathName, Expectation>;
}

const text = new TextEncoder();

export function utf8(s: string): Uint8Array {
  return text.encode(s);
}

/** Memoises a generator, so the test and the benchmark build each input once. */
export function lazy(make: () => Uint8Array): () => Uint8Array {
  let made: Uint8Array | undefined;
  return () => (made ??= make());
}

/** What a non-installer gets from the installer path: refused by its bytes, with the bytes named. */
export const NOT_AN_INSTALLER: Expectation = { verdict: 'error', message: /not an installer Wingsmith can read|The file is empty/ };

/** Seeded, so every run builds the same corpus. */
export function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), x / 2 ** 32);
}
