/** Speed and time left from the bytes a worker reports, over a sliding window so a stall shows quickly. */
export interface Sample {
  t: number;
  bytes: number;
}

const WINDOW_MS = 3000;
const MB = 1_000_000;

/** Keeps the samples of the last few seconds (and at least the oldest one inside them). */
export function addSample(samples: readonly Sample[], sample: Sample): Sample[] {
  const recent = samples.filter((s) => sample.t - s.t <= WINDOW_MS);
  const older = samples.filter((s) => sample.t - s.t > WINDOW_MS).at(-1);
  return [...(older ? [older] : []), ...recent, sample];
}

/** Bytes per second over the window; undefined until there is a span to measure. */
export function rateOf(samples: readonly Sample[]): number | undefined {
  if (samples.length < 2) return undefined;
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const dt = (last.t - first.t) / 1000;
  if (dt <= 0) return undefined;
  return (last.bytes - first.bytes) / dt;
}

export function secondsLeft(done: number, total: number, rate: number | undefined): number | undefined {
  if (!rate || rate <= 0) return undefined;
  return Math.max(0, (total - done) / rate);
}

function mb(bytes: number): string {
  const value = bytes / MB;
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** "x of y MB, z MB/s, n s left" (or "x MB, z MB/s" when the size is unknown): the progress bar's text. */
export function progressText(done: number, total: number | undefined, rate: number | undefined): string {
  const parts = [total === undefined ? `${mb(done)} MB` : `${mb(done)} of ${mb(total)} MB`];
  if (rate !== undefined) parts.push(`${mb(rate)} MB/s`);
  const left = total === undefined ? undefined : secondsLeft(done, total, rate);
  if (left !== undefined) parts.push(`${Math.ceil(left)} s left`);
  return parts.join(', ');
}

export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < MB) return `${(bytes / 1000).toFixed(0)} kB`;
  if (bytes < 1000 * MB) return `${mb(bytes)} MB`;
  return `${(bytes / (1000 * MB)).toFixed(2)} GB`;
}
