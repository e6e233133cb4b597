/**
 * Package version ordering as the winget client sorts versions (AppInstaller's `Version`): split on dots, each
 * part read as a leading integer plus a trailing string; trailing zero parts do not count, a part with a suffix
 * sorts before the same number without one (`1.0-beta` < `1.0`), and suffixes compare case-insensitively.
 */
interface VersionPart {
  integer: bigint;
  other: string;
}

function parsePart(text: string): VersionPart {
  const digits = /^\d*/.exec(text)![0];
  // The client reads the number with strtoull; an out-of-range number makes the whole part a string.
  if (digits.length > 0 && BigInt(digits) > 0xffff_ffff_ffff_ffffn) return { integer: 0n, other: text };
  return { integer: digits.length > 0 ? BigInt(digits) : 0n, other: text.slice(digits.length) };
}

function parseVersion(version: string): VersionPart[] {
  let text = version.trim();
  // A leading v before a digit is a common spelling of the same version (v1.2 = 1.2).
  if (/^[vV]\d/.test(text)) text = text.slice(1);
  const parts = text.split('.').map((p) => parsePart(p.trim()));
  while (parts.length > 0 && parts[parts.length - 1]!.integer === 0n && parts[parts.length - 1]!.other === '') {
    parts.pop();
  }
  return parts;
}

function comparePart(a: VersionPart, b: VersionPart): number {
  if (a.integer !== b.integer) return a.integer < b.integer ? -1 : 1;
  if (a.other === b.other) return 0;
  if (a.other === '') return 1;
  if (b.other === '') return -1;
  const x = a.other.toLowerCase();
  const y = b.other.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

const ZERO: VersionPart = { integer: 0n, other: '' };

/** Negative when a sorts before b (is older), positive when after, 0 when winget treats them as equal. */
export function compareWingetVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const c = comparePart(pa[i] ?? ZERO, pb[i] ?? ZERO);
    if (c !== 0) return c;
  }
  return 0;
}

/** Newest first; ties keep a stable, case-sensitive order so listings do not shuffle between loads. */
export function sortVersionsNewestFirst<T>(items: T[], version: (item: T) => string): T[] {
  return [...items].sort((x, y) => {
    const c = compareWingetVersions(version(y), version(x));
    if (c !== 0) return c;
    const vx = version(x);
    const vy = version(y);
    return vx < vy ? -1 : vx > vy ? 1 : 0;
  });
}
