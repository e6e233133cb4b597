import { describe, expect, it } from 'vitest';
import type { ManifestSet } from '../../core/model/types';
import { isNextVersionDraft, releaseRepositoryOf, withRepository } from './release-source';

function setWith(urls: string[]): ManifestSet {
  return {
    version: {}, defaultLocale: {}, locales: [],
    installer: { PackageIdentifier: 'O.R', PackageVersion: '', Installers: urls.map((InstallerUrl) => ({ InstallerUrl })), ManifestType: 'installer', ManifestVersion: '1.12.0' },
  } as unknown as ManifestSet;
}

describe('where a release import starts', () => {
  it('offers the repository the installers already download from', () => {
    expect(releaseRepositoryOf(setWith(['https://example.com/a.exe', 'https://github.com/junegunn/fzf/releases/download/v0.56.3/fzf-0.56.3-windows_amd64.zip']))).toBe('https://github.com/junegunn/fzf');
    expect(releaseRepositoryOf(setWith(['https://ghe.contoso.com/tools/cli/releases/download/v2/cli.msi']))).toBe('https://ghe.contoso.com/tools/cli');
    expect(releaseRepositoryOf(setWith(['https://example.com/a.exe', '']))).toBe('');
  });

  it('reads a bare tag as a release of that repository, and leaves anything else as typed', () => {
    expect(withRepository(' v0.57.0 ', 'https://github.com/junegunn/fzf')).toBe('https://github.com/junegunn/fzf/releases/tag/v0.57.0');
    expect(withRepository('v0.57.0', '')).toBe('v0.57.0');
    expect(withRepository('junegunn/fzf@v0.57.0', 'https://github.com/junegunn/fzf')).toBe('junegunn/fzf@v0.57.0');
    expect(withRepository('https://github.com/a/b', 'https://github.com/junegunn/fzf')).toBe('https://github.com/a/b');
  });

  it('treats a draft whose installers have URLs as the next version of a package', () => {
    expect(isNextVersionDraft(setWith(['https://example.com/a.exe']))).toBe(true);
    expect(isNextVersionDraft(setWith(['']))).toBe(false);
  });
});
