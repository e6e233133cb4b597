import { describe, expect, it } from 'vitest';
import type { ManifestSet } from './types';
import { nextVersionDraftName, prepareNextVersion } from './next-version';

function previousSet(): ManifestSet {
  const identity = { PackageIdentifier: 'Contoso.App', PackageVersion: '1.0.0' };
  return {
    version: { ...identity, DefaultLocale: 'en-US', ManifestType: 'version', ManifestVersion: '1.10.0' },
    installer: {
      ...identity,
      ReleaseDate: '2024-01-01',
      InstallerType: 'inno',
      Installers: [
        { Architecture: 'x64', InstallerUrl: 'https://e.x/a-x64.exe', InstallerSha256: 'AB'.repeat(32), SignatureSha256: 'CD'.repeat(32), ReleaseDate: '2024-01-02' },
        { Architecture: 'x86', InstallerUrl: 'https://e.x/a-x86.exe', InstallerSha256: 'EF'.repeat(32) },
      ],
      ManifestType: 'installer',
      ManifestVersion: '1.10.0',
    },
    defaultLocale: {
      ...identity, PackageLocale: 'en-US', Publisher: 'Contoso', PackageName: 'App', License: 'MIT', ShortDescription: 'An app',
      ReleaseNotes: 'Fixed things', ReleaseNotesUrl: 'https://e.x/notes', Tags: ['a'], ManifestType: 'defaultLocale', ManifestVersion: '1.10.0',
    },
    locales: [{ ...identity, PackageLocale: 'fr-FR', ShortDescription: 'Une appli', ReleaseNotes: 'Corrigé', ManifestType: 'locale', ManifestVersion: '1.10.0' }],
  } as unknown as ManifestSet;
}

describe('prepareNextVersion', () => {
  it('clears the values of one release and keeps the rest', () => {
    const before = previousSet();
    const { set } = prepareNextVersion(before, { manifestVersion: '1.12.0' });
    const all = [set.version, set.installer, set.defaultLocale, ...set.locales] as unknown as Record<string, unknown>[];
    for (const file of all) {
      expect(file.PackageVersion).toBe('');
      expect(file.ManifestVersion).toBe('1.12.0');
      expect(file.PackageIdentifier).toBe('Contoso.App');
    }
    const installer = set.installer as unknown as Record<string, unknown>;
    expect(installer.ReleaseDate).toBeUndefined();
    expect(installer.InstallerType).toBe('inno');
    expect(installer.Installers).toEqual([
      { Architecture: 'x64', InstallerUrl: 'https://e.x/a-x64.exe', InstallerSha256: '' },
      { Architecture: 'x86', InstallerUrl: 'https://e.x/a-x86.exe', InstallerSha256: '' },
    ]);
    const locale = set.defaultLocale as unknown as Record<string, unknown>;
    expect(locale.ReleaseNotes).toBeUndefined();
    expect(locale.ReleaseNotesUrl).toBeUndefined();
    expect(locale.Tags).toEqual(['a']);
    expect(set.locales).toHaveLength(1);
    expect((set.locales[0] as unknown as Record<string, unknown>).ReleaseNotes).toBeUndefined();
    expect((set.locales[0] as unknown as Record<string, unknown>).ShortDescription).toBe('Une appli');
    // The previous version is left as it was.
    expect((before.installer as unknown as Record<string, unknown>).ReleaseDate).toBe('2024-01-01');
  });

  it('takes a known new version and names the draft after the previous one', () => {
    const { set } = prepareNextVersion(previousSet(), { manifestVersion: '1.28.0', packageVersion: '2.0.0' });
    expect(set.version.PackageVersion).toBe('2.0.0');
    expect(set.version.ManifestVersion).toBe('1.28.0');
    expect(nextVersionDraftName(previousSet())).toBe('Contoso.App (next version of 1.0.0)');
  });
});
