import { describe, expect, it } from 'vitest';
import { minimalReplacement } from './text-edit';

function apply(before: string, after: string): string {
  const r = minimalReplacement(before, after);
  return r ? before.slice(0, r.start) + r.text + before.slice(r.end) : before;
}

describe('minimalReplacement', () => {
  it('is nothing for equal texts', () => {
    expect(minimalReplacement('a: 1\n', 'a: 1\n')).toBeUndefined();
  });

  it('replaces only the part that changed', () => {
    const before = 'PackageIdentifier: A.B\nPackageVersion: 1.0\nDefaultLocale: en-US\n';
    const after = 'PackageIdentifier: A.B\nPackageVersion: 1.1\nDefaultLocale: en-US\n';
    expect(minimalReplacement(before, after)).toEqual({ start: 41, end: 42, text: '1' });
  });

  it('handles insertions and deletions at either end', () => {
    for (const [a, b] of [
      ['b: 2\n', 'a: 1\nb: 2\n'],
      ['a: 1\n', 'a: 1\nb: 2\n'],
      ['a: 1\nb: 2\n', 'b: 2\n'],
      ['aaa', 'aa'],
      ['', 'x'],
    ]) {
      expect(apply(a!, b!)).toBe(b);
    }
  });

  it('never splits a surrogate pair or a CRLF', () => {
    const r1 = minimalReplacement('x: \u{1F600}\n', 'x: \u{1F601}\n')!;
    expect(r1.start).toBe(3);
    expect(r1.end).toBe(5);
    const r2 = minimalReplacement('a\r\nb', 'a\nb')!;
    expect(apply('a\r\nb', 'a\nb')).toBe('a\nb');
    expect(r2.start).toBe(1);
  });
});
