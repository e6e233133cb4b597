import { describe, expect, it } from 'vitest';
import { entityAt } from './html-entities';

describe('entityAt', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(entityAt('&amp; rest')).toEqual({ value: '&', length: 5 });
    expect(entityAt('&#39;')).toEqual({ value: "'", length: 5 });
    expect(entityAt('&#x1F680;')).toEqual({ value: '🚀', length: 9 });
    expect(entityAt('&nbsp;')).toEqual({ value: ' ', length: 6 });
  });

  it('replaces invalid code points and leaves unknown names alone', () => {
    expect(entityAt('&#0;')?.value).toBe('\uFFFD');
    expect(entityAt('&#xD800;')?.value).toBe('\uFFFD');
    expect(entityAt('&#1114112;')?.value).toBe('\uFFFD');
    expect(entityAt('&unknown;')).toBeUndefined();
    expect(entityAt('& amp;')).toBeUndefined();
    expect(entityAt('&amp')).toBeUndefined();
  });
});
