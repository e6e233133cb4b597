import { describe, expect, it } from 'vitest';
import { fontInstallersKnown, isFontPackage, repositoryRoot } from './font-package';

const installer = (root: Record<string, unknown>, ...installers: Record<string, unknown>[]) => ({
  PackageIdentifier: 'JetBrains.JetBrainsMono',
  PackageVersion: '2.304',
  ...root,
  Installers: installers.map((i) => ({ Architecture: 'neutral', InstallerUrl: 'https://example.com/f', ...i })),
  ManifestType: 'installer',
  ManifestVersion: '1.28.0',
});

describe('repositoryRoot', () => {
  it('puts a font installer, or a zip of fonts, under fonts/', () => {
    expect(repositoryRoot(installer({}, { InstallerType: 'font' }), '1.28.0')).toBe('fonts');
    expect(repositoryRoot(installer({}, { InstallerType: 'zip', NestedInstallerType: 'font' }), '1.12.0')).toBe('fonts');
    // Values at the root count for every installer; the client matches enum values in any case.
    expect(repositoryRoot(installer({ InstallerType: 'ZIP', NestedInstallerType: 'Font' }, {}), '1.28.0')).toBe('fonts');
    expect(repositoryRoot(installer({}, { InstallerType: 'exe' }, { InstallerType: 'font' }), '1.28.0')).toBe('fonts');
  });

  it('keeps every other package under manifests/', () => {
    expect(repositoryRoot(installer({}, { InstallerType: 'zip', NestedInstallerType: 'portable' }), '1.28.0')).toBe('manifests');
    expect(repositoryRoot(installer({ InstallerType: 'wix' }, {}), '1.28.0')).toBe('manifests');
    // NestedInstallerType means nothing outside a zip.
    expect(repositoryRoot(installer({}, { InstallerType: 'exe', NestedInstallerType: 'font' }), '1.28.0')).toBe('manifests');
    expect(repositoryRoot(installer({ InstallerType: 'font' }), '1.28.0')).toBe('manifests');
    expect(repositoryRoot(undefined, '1.28.0')).toBe('manifests');
  });

  it('knows fonts only from ManifestVersion 1.12.0, where the schemas gained the font type', () => {
    expect(fontInstallersKnown('1.10.0')).toBe(false);
    expect(fontInstallersKnown('1.12.0')).toBe(true);
    expect(isFontPackage(installer({}, { InstallerType: 'font' }), '1.10.0')).toBe(false);
  });
});
