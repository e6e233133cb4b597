import { describe, expect, it } from 'vitest';
import { fieldTree } from '../core/schema';
import { writeManifestFile } from '../core/yaml/write';
import { applyCanonicalText } from './yaml-merge';

const v = { manifestVersion: '1.12.0' };
const installerValue = (installers: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  PackageIdentifier: 'Contoso.Widget',
  PackageVersion: '1.0',
  InstallerType: 'exe',
  ...extra,
  Installers: installers,
});
const x64 = { Architecture: 'x64', InstallerUrl: 'https://example.com/x64.exe', InstallerSha256: 'A'.repeat(64) };
const arm64 = { Architecture: 'arm64', InstallerUrl: 'https://example.com/arm64.exe', InstallerSha256: 'B'.repeat(64) };

describe('applyCanonicalText', () => {
  it('is the canonical text when the user wrote no comments', () => {
    const old = writeManifestFile('installer', installerValue([x64]), v);
    const next = writeManifestFile('installer', installerValue([x64, arm64]), v);
    expect(applyCanonicalText(old, next)).toBe(next);
  });

  it('keeps comments on installers that persist and on keys that stay', () => {
    const old = writeManifestFile('installer', installerValue([x64, arm64]), v)
      .replace('InstallerType: exe', 'InstallerType: exe # Inno Setup underneath')
      .replace('- Architecture: arm64', '# the ARM build\n- Architecture: arm64');
    const next = writeManifestFile('installer', installerValue([{ ...x64, InstallerUrl: 'https://example.com/new.exe' }, arm64], { Scope: 'user' }), v);
    const out = applyCanonicalText(old, next);
    expect(out).toContain('InstallerType: exe # Inno Setup underneath');
    expect(out).toContain('# the ARM build\n- Architecture: arm64');
    expect(out).toContain('InstallerUrl: https://example.com/new.exe');
    // New keys take their schema place; lists stay unindented under their key.
    expect(out).toMatch(/InstallerType: exe # Inno Setup underneath\nScope: user\nInstallers:\n- Architecture: x64/);
  });

  it('deletes removed keys and items, and moves the schema header to a new version', () => {
    const old = writeManifestFile('installer', installerValue([x64, arm64], { Scope: 'user' }), v).replace(
      'Scope: user',
      'Scope: user # per-user only',
    );
    const next = writeManifestFile('installer', installerValue([arm64]), { manifestVersion: '1.28.0' });
    const out = applyCanonicalText(old, next);
    expect(out).not.toContain('Scope');
    expect(out).not.toContain('x64');
    expect(out).toContain('winget-manifest.installer.1.28.0.schema.json');
    expect(out).toContain('ManifestVersion: 1.28.0');
  });

  it('quotes values the way the canonical writer does', () => {
    const locale = (extra: Record<string, unknown>) => ({
      PackageIdentifier: 'Contoso.Widget',
      PackageVersion: '1.0',
      PackageLocale: 'en-US',
      Publisher: 'Contoso',
      PackageName: 'Widget',
      License: 'MIT',
      ShortDescription: 'A widget.',
      ...extra,
    });
    const old = writeManifestFile('defaultLocale', locale({ Tags: ['tools'] }), v).replace('- tools', '- tools # main tag');
    const next = writeManifestFile('defaultLocale', locale({ Tags: ['tools', 'true', 'yes: no'], PackageVersion: '1.10' }), v);
    const out = applyCanonicalText(old, next);
    expect(out).toContain('- tools # main tag');
    expect(out).toContain("PackageVersion: '1.10'");
    expect(out).toContain("- 'true'");
    expect(out).toContain("- 'yes: no'");
  });
});

describe('keys the schema does not know', () => {
  it('survive a form edit, wherever the user typed them', () => {
    const tree = fieldTree('installer', '1.12.0');
    const old = writeManifestFile('installer', installerValue([x64]), v)
      .replace('InstallerType: exe', 'InstallerType: exe\nFavouriteColour: blue')
      .replace('  InstallerUrl: https://example.com/x64.exe', '  InstallerUrl: https://example.com/x64.exe\n  BuildNote: nightly');
    const next = writeManifestFile('installer', installerValue([{ ...x64, InstallerUrl: 'https://example.com/new.exe' }]), v);
    const out = applyCanonicalText(old, next, tree);
    expect(out).toContain('FavouriteColour: blue');
    expect(out).toContain('BuildNote: nightly');
    expect(out).toContain('InstallerUrl: https://example.com/new.exe');
  });

  it('still give way to the canonical text when there are none', () => {
    const old = writeManifestFile('installer', installerValue([x64]), v);
    const next = writeManifestFile('installer', installerValue([x64, arm64]), v);
    expect(applyCanonicalText(old, next, fieldTree('installer', '1.12.0'))).toBe(next);
  });
});
