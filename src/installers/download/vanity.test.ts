import { describe, expect, it } from 'vitest';
import { redirectWarning, vanityWarnings } from './vanity';

describe('vanityWarnings', () => {
  it('warns about URLs that always serve the newest release', () => {
    for (const url of [
      'https://github.com/o/r/releases/latest/download/tool.msi',
      'https://example.com/downloads/latest/setup.exe',
      'https://example.com/tool-latest-x64.exe',
      'https://example.com/get?channel=stable',
    ]) {
      expect(vanityWarnings(url, '1.2.3'), url).toEqual([expect.stringContaining('always serves the newest release')]);
    }
  });

  it('warns when the URL does not name the version, and not when it does', () => {
    expect(vanityWarnings('https://example.com/download/tool.exe', '1.2.3')[0]).toContain('does not contain the version (1.2.3)');
    expect(vanityWarnings('https://github.com/o/r/releases/download/v1.2.3/tool-1.2.3-x64.msi', '1.2.3')).toEqual([]);
    expect(vanityWarnings('https://example.com/tool%201.2.3.exe', '1.2.3')).toEqual([]);
    // Nothing to compare with yet.
    expect(vanityWarnings('https://example.com/download/tool.exe', '')).toEqual([]);
  });

  it('does not take words inside longer words for a moving URL', () => {
    expect(vanityWarnings('https://example.com/1.0/currently-supported.exe', '1.0')).toEqual([]);
  });
});

describe('redirectWarning', () => {
  it('warns when a URL redirects to a file of another name', () => {
    expect(redirectWarning('https://example.com/get/tool.exe', 'https://cdn.example.com/tool-1.4.2.exe', true)).toContain('redirects to tool-1.4.2.exe');
  });

  it('says nothing for a plain answer or a redirect to the same file name', () => {
    expect(redirectWarning('https://example.com/tool.exe', 'https://example.com/tool.exe', false)).toBeUndefined();
    expect(redirectWarning('https://example.com/tool.exe', 'https://mirror.example.com/x/Tool.exe', true)).toBeUndefined();
  });
});
