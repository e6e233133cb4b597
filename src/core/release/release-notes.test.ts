import { describe, expect, it } from 'vitest';
import { RELEASE_NOTES_MAX_LENGTH, releaseNotesFromBody, truncateReleaseNotes } from './release-notes';

describe('truncateReleaseNotes', () => {
  it('leaves text within the limit alone', () => {
    const text = 'a\n'.repeat(4999) + 'bc';
    expect(text.length).toBe(RELEASE_NOTES_MAX_LENGTH);
    expect(truncateReleaseNotes(text)).toBe(text);
  });

  it('cuts at a line boundary and ends with a line "…"', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `- fix ${String(i).padStart(3, '0')}: ${'x'.repeat(20)}`);
    const cut = truncateReleaseNotes(lines.join('\n'));
    expect(cut.length).toBeLessThanOrEqual(RELEASE_NOTES_MAX_LENGTH);
    const out = cut.split('\n');
    expect(out[out.length - 1]).toBe('…');
    expect(out.slice(0, -1)).toEqual(lines.slice(0, out.length - 1));
    expect(out.length - 1).toBe(Math.floor((RELEASE_NOTES_MAX_LENGTH - 2 + 1) / (lines[0]!.length + 1)));
  });

  it('takes a smaller limit, and drops blank lines before the "…"', () => {
    expect(truncateReleaseNotes('one\ntwo\n\nthree four five', 12)).toBe('one\ntwo\n…');
    expect(truncateReleaseNotes('one\n\nthree', 8)).toBe('one\n…');
  });

  it('cuts a single overlong line inside it, never inside a surrogate pair', () => {
    expect(truncateReleaseNotes('abcdefghij', 6)).toBe('abcd\n…');
    const cut = truncateReleaseNotes('abc😀def', 6);
    expect(cut).toBe('abc\n…');
    expect(cut.length).toBeLessThanOrEqual(6);
  });
});

describe('releaseNotesFromBody', () => {
  it('is the plain text of the body within the limit', () => {
    expect(releaseNotesFromBody('## Fixes\r\n* **one**')).toBe('Fixes\n- one');
    expect(releaseNotesFromBody('   ')).toBe('');
    const long = Array.from({ length: 2000 }, (_, i) => `* item ${i}`).join('\n');
    const notes = releaseNotesFromBody(long);
    expect(notes.length).toBeLessThanOrEqual(RELEASE_NOTES_MAX_LENGTH);
    expect(notes.startsWith('- item 0\n- item 1\n')).toBe(true);
    expect(notes.endsWith('\n…')).toBe(true);
  });
});
