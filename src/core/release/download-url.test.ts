import { describe, expect, it } from 'vitest';
import { fileNameOfUrl, parseReleaseDownload } from './download-url';

describe('parseReleaseDownload', () => {
  it('reads owner, repository, tag and file of a release asset URL', () => {
    expect(parseReleaseDownload('https://github.com/junegunn/fzf/releases/download/v0.56.3/fzf-0.56.3-windows_amd64.zip')).toEqual({
      owner: 'junegunn', repo: 'fzf', tag: 'v0.56.3', file: 'fzf-0.56.3-windows_amd64.zip',
    });
    expect(parseReleaseDownload('https://ghe.example.com/team/tool/releases/download/release%2F2.0/Tool%20Setup.exe?raw=1')).toEqual({
      owner: 'team', repo: 'tool', tag: 'release/2.0', file: 'Tool Setup.exe',
    });
  });

  it('is undefined for other URLs', () => {
    expect(parseReleaseDownload('https://github.com/junegunn/fzf/archive/refs/tags/v0.56.3.zip')).toBeUndefined();
    expect(parseReleaseDownload('https://dl.google.com/chrome/install/ChromeStandaloneSetup64.exe')).toBeUndefined();
    expect(parseReleaseDownload('')).toBeUndefined();
  });
});

describe('fileNameOfUrl', () => {
  it('is the decoded last path segment, without query or fragment', () => {
    expect(fileNameOfUrl('https://e.x/a/My%20App-1.0.msi?sig=1#x')).toBe('My App-1.0.msi');
    expect(fileNameOfUrl('https://e.x/a/bad%E0%A4%A.exe')).toBe('bad%E0%A4%A.exe');
  });
});
