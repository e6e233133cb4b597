import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/findings';
import type { ManifestSet } from '../../core/model/types';
import { submissionChecks } from './submission-checks';

function set(id: string, version: string): ManifestSet {
  const identity = { PackageIdentifier: id, PackageVersion: version };
  return {
    version: { ...identity, DefaultLocale: 'en-US', ManifestType: 'version', ManifestVersion: '1.12.0' },
    installer: { ...identity, Installers: [{ Architecture: 'x64', InstallerUrl: 'https://e.x/a.exe', InstallerSha256: 'AB'.repeat(32) }], ManifestType: 'installer', ManifestVersion: '1.12.0' },
    defaultLocale: { ...identity, PackageLocale: 'en-US', Publisher: 'C', PackageName: 'A', License: 'MIT', ShortDescription: 'A', ManifestType: 'defaultLocale', ManifestVersion: '1.12.0' },
    locales: [],
  } as unknown as ManifestSet;
}

const error: Finding = { severity: 'error', rule: 'x', message: 'Broken', file: 'a.yaml', line: 1, column: 1, field: 'InstallerUrl' };

describe('submissionChecks', () => {
  it('gives the files under the package version folder', () => {
    const result = submissionChecks(set('Contoso.App', '1.2.0'), '1.12.0', []);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.identifier).toBe('Contoso.App');
    expect(result.input.root).toBe('manifests');
    expect(result.input.files.map((f) => f.path)).toEqual([
      'manifests/c/Contoso/App/1.2.0/Contoso.App.yaml',
      'manifests/c/Contoso/App/1.2.0/Contoso.App.installer.yaml',
      'manifests/c/Contoso/App/1.2.0/Contoso.App.locale.en-US.yaml',
    ]);
  });

  it('sends a font package to fonts/', () => {
    const font = set('Contoso.Sans', '3.0');
    font.installer = { ...font.installer, Installers: [{ ...font.installer.Installers[0]!, InstallerType: 'font', InstallerUrl: 'https://e.x/ContosoSans.ttf' }] };
    const result = submissionChecks(font, '1.12.0', []);
    if (!result.ok) throw new Error(result.problems.join(' '));
    expect(result.input.root).toBe('fonts');
    expect(result.input.files.map((f) => f.path)).toContain('fonts/c/Contoso/Sans/3.0/Contoso.Sans.installer.yaml');
  });

  it('sends nothing while validation has errors or the identity is missing', () => {
    const blocked = submissionChecks(set('Contoso.App', '1.2.0'), '1.12.0', [error, { ...error, severity: 'warning' }]);
    expect(blocked).toEqual({ ok: false, problems: [expect.stringContaining('Fix the error listed in Problems')] });
    const empty = submissionChecks(set('Contoso.App', ''), '1.12.0', []);
    expect(empty).toEqual({ ok: false, problems: ['Fill in PackageVersion.'] });
  });

  it('refuses a version that would write outside its folder', () => {
    expect(submissionChecks(set('Contoso.App', '1.0/../2.0'), '1.12.0', []).ok).toBe(false);
  });
});
