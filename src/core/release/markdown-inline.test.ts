import { describe, expect, it } from 'vitest';
import { inlineToText, normalizeLabel } from './markdown-inline';

const none = new Set<string>();

describe('inlineToText', () => {
  it('pairs emphasis by CommonMark flanking rules', () => {
    expect(inlineToText('**Full Changelog**: x', none)).toBe('Full Changelog: x');
    expect(inlineToText('a*b*c', none)).toBe('abc');
    expect(inlineToText('a_b_c', none)).toBe('a_b_c');
    expect(inlineToText('**foo*', none)).toBe('*foo');
    expect(inlineToText('*(note)*', none)).toBe('(note)');
    expect(inlineToText('~~~three~~~', none)).toBe('~~~three~~~');
  });

  it('keeps an unclosed code span as text', () => {
    expect(inlineToText('a `b', none)).toBe('a `b');
    expect(inlineToText('``a`b``', none)).toBe('a`b');
  });

  it('uses the given reference labels', () => {
    expect(inlineToText('[Docs]', new Set([normalizeLabel('  docs ')]))).toBe('Docs');
    expect(inlineToText('[Docs]', none)).toBe('[Docs]');
  });

  it('ends lines where block elements close', () => {
    expect(inlineToText('<p>a</p><p>b</p>', none)).toBe('a\nb\n');
    expect(inlineToText('<hr/>', none)).toBe('\n');
  });
});
