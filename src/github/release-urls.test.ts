import { describe, expect, it } from 'vitest';
import { parseReleaseAssetUrl, parseReleaseInput, webHostOf } from './releases';
import { htmlBaseUrl } from './settings';

const API = 'https://api.github.com';
const GHE = 'https://ghe.contoso.com/api/v3';

describe('webHostOf', () => {
  it('maps each kind of API base to the host its release URLs name', () => {
    expect(webHostOf(API)).toBe('https://github.com');
    expect(webHostOf('https://API.GitHub.com/')).toBe('https://github.com');
    expect(webHostOf(GHE)).toBe('https://ghe.contoso.com');
    expect(webHostOf('https://ghe.contoso.com/API/v3/')).toBe('https://ghe.contoso.com');
    expect(webHostOf('http://127.0.0.1:8787')).toBe('https://github.com');
    expect(webHostOf('http://localhost:40123')).toBe('https://github.com');
    expect(webHostOf('http://[::1]:40123')).toBe('https://github.com');
    // The double imitating GitHub Enterprise Server names its own origin, as GHES does.
    expect(webHostOf('http://127.0.0.1:40123/api/v3')).toBe('http://127.0.0.1:40123');
  });

  it('differs from htmlBaseUrl for a loopback base, where pages are the double’s own', () => {
    expect(htmlBaseUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(webHostOf('http://127.0.0.1:8787')).toBe('https://github.com');
    expect(htmlBaseUrl(GHE)).toBe(webHostOf(GHE));
  });
});

describe('parseReleaseAssetUrl', () => {
  it('takes a github.com download URL apart', () => {
    expect(
      parseReleaseAssetUrl(
        'https://github.com/microsoft/terminal/releases/download/v1.21.2361.0/Microsoft.WindowsTerminal_1.21.2361.0_8wekyb3d8bbwe.msixbundle',
        API,
      ),
    ).toEqual({ owner: 'microsoft', repo: 'terminal', tag: 'v1.21.2361.0', file: 'Microsoft.WindowsTerminal_1.21.2361.0_8wekyb3d8bbwe.msixbundle' });
  });

  it('decodes the tag and file, ignores query and fragment, and compares the host case-insensitively', () => {
    expect(parseReleaseAssetUrl('https://GitHub.com/open-feature/flagd/releases/download/flagd%2Fv0.4.4/flagd_0.4.4_Windows_x86_64.zip?raw=1#x', API)).toEqual({
      owner: 'open-feature',
      repo: 'flagd',
      tag: 'flagd/v0.4.4',
      file: 'flagd_0.4.4_Windows_x86_64.zip',
    });
    expect(parseReleaseAssetUrl('https://github.com/o/r/releases/download/v1/My%20Setup%201.0.exe', API)?.file).toBe('My Setup 1.0.exe');
    expect(parseReleaseAssetUrl('https://www.github.com/o/r/releases/download/v1/a.exe', API)?.repo).toBe('r');
  });

  it('refuses other hosts, other shapes and broken encodings', () => {
    expect(parseReleaseAssetUrl('https://example.com/o/r/releases/download/v1/a.exe', API)).toBeUndefined();
    expect(parseReleaseAssetUrl('https://github.com/o/r/releases/tag/v1', API)).toBeUndefined();
    expect(parseReleaseAssetUrl('https://github.com/o/r/releases/download/a/b/c.exe', API)).toBeUndefined();
    expect(parseReleaseAssetUrl('https://github.com/o/r/releases/download/v1/%E0%A4%A.exe', API)).toBeUndefined();
    expect(parseReleaseAssetUrl('ftp://github.com/o/r/releases/download/v1/a.exe', API)).toBeUndefined();
    expect(parseReleaseAssetUrl('not a url', API)).toBeUndefined();
    // A github.com URL does not belong to an Enterprise API base, nor the other way round.
    expect(parseReleaseAssetUrl('https://github.com/o/r/releases/download/v1/a.exe', GHE)).toBeUndefined();
    expect(parseReleaseAssetUrl('https://ghe.contoso.com/o/r/releases/download/v1/a.exe', GHE)).toEqual({ owner: 'o', repo: 'r', tag: 'v1', file: 'a.exe' });
  });
});

describe('parseReleaseInput', () => {
  it('reads release pages, repository URLs and asset URLs', () => {
    expect(parseReleaseInput('https://github.com/PowerShell/PowerShell/releases/tag/v7.4.6', API)).toEqual({ owner: 'PowerShell', repo: 'PowerShell', tag: 'v7.4.6' });
    expect(parseReleaseInput('  https://github.com/BurntSushi/ripgrep  ', API)).toEqual({ owner: 'BurntSushi', repo: 'ripgrep' });
    expect(parseReleaseInput('https://github.com/BurntSushi/ripgrep.git', API)).toEqual({ owner: 'BurntSushi', repo: 'ripgrep' });
    expect(parseReleaseInput('https://github.com/BurntSushi/ripgrep/releases', API)).toEqual({ owner: 'BurntSushi', repo: 'ripgrep' });
    expect(parseReleaseInput('https://github.com/BurntSushi/ripgrep/releases/latest', API)).toEqual({ owner: 'BurntSushi', repo: 'ripgrep' });
    expect(parseReleaseInput('github.com/BurntSushi/ripgrep/releases/tag/14.1.1', API)).toEqual({ owner: 'BurntSushi', repo: 'ripgrep', tag: '14.1.1' });
    expect(parseReleaseInput('https://github.com/BurntSushi/ripgrep/releases/download/14.1.1/ripgrep-14.1.1-x86_64-pc-windows-msvc.zip', API)).toEqual({
      owner: 'BurntSushi',
      repo: 'ripgrep',
      tag: '14.1.1',
    });
    expect(parseReleaseInput('https://github.com/open-feature/flagd/releases/tag/flagd%2Fv0.4.4', API)).toEqual({ owner: 'open-feature', repo: 'flagd', tag: 'flagd/v0.4.4' });
    expect(parseReleaseInput('https://github.com/open-feature/flagd/releases/tag/flagd/v0.4.4', API)).toEqual({ owner: 'open-feature', repo: 'flagd', tag: 'flagd/v0.4.4' });
    expect(parseReleaseInput('https://ghe.contoso.com/tools/app/releases/tag/v2?x=1', GHE)).toEqual({ owner: 'tools', repo: 'app', tag: 'v2' });
  });

  it('reads owner/repo and owner/repo@tag', () => {
    expect(parseReleaseInput('microsoft/winget-cli', API)).toEqual({ owner: 'microsoft', repo: 'winget-cli' });
    expect(parseReleaseInput('microsoft/winget-cli@v1.9.25200', API)).toEqual({ owner: 'microsoft', repo: 'winget-cli', tag: 'v1.9.25200' });
    expect(parseReleaseInput('open-feature/flagd@flagd/v0.4.4', API)).toEqual({ owner: 'open-feature', repo: 'flagd', tag: 'flagd/v0.4.4' });
  });

  it('says in one line what is wrong otherwise', () => {
    const errorOf = (input: string, api = API) => {
      const result = parseReleaseInput(input, api);
      if (!('error' in result)) throw new Error(`expected an error for ${input}`);
      expect(result.error).not.toContain('\n');
      return result.error;
    };
    expect(errorOf('https://gitlab.com/o/r/-/releases/v1')).toMatch(/^gitlab\.com is not github\.com/);
    expect(errorOf('https://github.com/o/r/releases/tag/v1', GHE)).toMatch(/^github\.com is not ghe\.contoso\.com/);
    expect(errorOf('https://github.com/o/r/issues/12')).toMatch(/is not a release or repository page/);
    expect(errorOf('https://github.com/o')).toMatch(/names no repository/);
    expect(errorOf('')).toMatch(/^Paste a release page/);
    expect(errorOf('just words')).toMatch(/is not a release/);
    expect(errorOf('-bad/name')).toMatch(/is not a repository/);
    expect(errorOf('o/r@')).toMatch(/Write the tag after @/);
  });
});
