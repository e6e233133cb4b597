import { describe, expect, it } from 'vitest';
import { replaceVersionInUrl } from './next-version';

describe('replaceVersionInUrl', () => {
  it('replaces the previous version wherever it stands as a whole version', () => {
    expect(replaceVersionInUrl('https://github.com/junegunn/fzf/releases/download/v0.56.3/fzf-0.56.3-windows_amd64.zip', '0.56.3', '0.57.0'))
      .toBe('https://github.com/junegunn/fzf/releases/download/v0.57.0/fzf-0.57.0-windows_amd64.zip');
  });
  it('leaves longer numbers that merely contain it alone', () => {
    expect(replaceVersionInUrl('https://x.test/1.2.3/app-1.2.exe?v=11.2', '1.2', '1.3')).toBe('https://x.test/1.2.3/app-1.3.exe?v=11.2');
  });
  it('changes nothing without both versions', () => {
    expect(replaceVersionInUrl('https://x.test/1.0/a.exe', '1.0', '')).toBe('https://x.test/1.0/a.exe');
  });
});
