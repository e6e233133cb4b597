import { describe, expect, it } from 'vitest';
import { releaseDateOf, versionFromTag } from './tag-version';

describe('versionFromTag', () => {
  it('drops one leading v or V before a digit', () => {
    expect(versionFromTag('v1.2.3')).toBe('1.2.3');
    expect(versionFromTag('V2.0')).toBe('2.0');
    expect(versionFromTag('v1.2.3-beta.1')).toBe('1.2.3-beta.1');
    expect(versionFromTag('v0.56.3')).toBe('0.56.3');
  });

  it('keeps every other tag verbatim', () => {
    expect(versionFromTag('27.1.2')).toBe('27.1.2');
    expect(versionFromTag('release-1.2')).toBe('release-1.2');
    expect(versionFromTag('version-1')).toBe('version-1');
    expect(versionFromTag('vv1.0')).toBe('vv1.0');
    expect(versionFromTag('v-1.0')).toBe('v-1.0');
    expect(versionFromTag('nightly')).toBe('nightly');
    expect(versionFromTag('v')).toBe('v');
  });
});

describe('releaseDateOf', () => {
  it('gives the UTC date of an ISO date-time', () => {
    expect(releaseDateOf('2024-11-15T08:03:11Z')).toBe('2024-11-15');
    expect(releaseDateOf('2024-11-15T23:30:00-05:00')).toBe('2024-11-16');
    expect(releaseDateOf('2024-01-01T00:30:00+01:00')).toBe('2023-12-31');
  });

  it('is undefined for a draft release or an unreadable value', () => {
    expect(releaseDateOf(undefined)).toBeUndefined();
    expect(releaseDateOf('')).toBeUndefined();
    expect(releaseDateOf('not a date')).toBeUndefined();
  });
});
