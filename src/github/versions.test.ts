import { describe, expect, it } from 'vitest';
import { compareWingetVersions, sortVersionsNewestFirst } from './versions';

describe('compareWingetVersions', () => {
  it.each([
    ['1.0', '1.0.0', 0],
    ['1.10', '1.9', 1],
    ['124.0.6367.119', '124.0.6367.60', 1],
    ['9.0.1', '99.0', -1],
    ['1.0-beta', '1.0', -1],
    ['1.0.0-beta', '1.0.0-alpha', 1],
    ['5.18.5.RC', '5.18.5', -1],
    ['5.18.5.RC', '6.3.5', -1],
    ['v2.0', '2.0', 0],
    ['1.0.ABC', '1.0.abc', 0],
    ['1.2', '1.2.0.1', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(Math.sign(compareWingetVersions(a, b))).toBe(expected);
    expect(Math.sign(compareWingetVersions(b, a))).toBe(expected === 0 ? 0 : -expected);
  });

  it('sorts newest first', () => {
    const sorted = sortVersionsNewestFirst(['9.0.1', '124.0.6367.60', '124.0.6367.119', '99.0', '1.0-beta', '1.0'], (v) => v);
    expect(sorted).toEqual(['124.0.6367.119', '124.0.6367.60', '99.0', '9.0.1', '1.0', '1.0-beta']);
  });
});
