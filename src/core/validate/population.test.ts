import { describe, expect, it } from 'vitest';
import { fieldTree } from '../schema';
import type { ManifestType } from '../schema';
import { parseManifestYaml } from '../yaml/parse';
import { populate } from './population';

function run(text: string, options: { type?: ManifestType; version?: string; full?: boolean } = {}) {
  const version = options.version ?? '1.10.0';
  const file = parseManifestYaml('Foo.Bar.installer.yaml', text);
  expect(file.findings).toEqual([]);
  return populate(file, fieldTree(options.type ?? 'installer', version), { full: options.full ?? true, manifestVersion: version });
}

const HEAD = 'PackageIdentifier: Foo.Bar\nPackageVersion: 1.10\nManifestType: installer\nManifestVersion: 1.10.0\n';

describe('populate: values', () => {
  it('keeps strings exactly as written and never reads them as numbers or booleans', () => {
    const { value, findings } = run(
      'PackageIdentifier: Foo.Bar\nPackageVersion: 1.10\nPackageLocale: en-US\nPublisher: 0123\nPackageName: yes\n' +
        'ShortDescription: "  padded  "\nTags: [on, 1.0]\nManifestType: defaultLocale\nManifestVersion: 1.10.0\n',
      { type: 'defaultLocale' },
    );
    expect(findings).toEqual([]);
    expect(value).toEqual({
      PackageIdentifier: 'Foo.Bar',
      PackageVersion: '1.10',
      PackageLocale: 'en-US',
      Publisher: '0123',
      PackageName: 'yes',
      ShortDescription: '  padded  ',
      Tags: ['on', '1.0'],
      ManifestType: 'defaultLocale',
      ManifestVersion: '1.10.0',
    });
  });

  it('converts return codes C-style and booleans in any case', () => {
    const { value, findings } = run(
      HEAD + 'InstallerSuccessCodes: [0x10, 010, -1, 0]\nInstallLocationRequired: TRUE\nRequireExplicitUpgrade: false\n' +
        'ExpectedReturnCodes:\n- InstallerReturnCode: -0x1\n  ReturnResponse: packageInUse\n',
    );
    expect(findings).toEqual([]);
    expect(value).toMatchObject({
      InstallerSuccessCodes: [16, 8, -1, 0],
      InstallLocationRequired: true,
      RequireExplicitUpgrade: false,
      ExpectedReturnCodes: [{ InstallerReturnCode: -1, ReturnResponse: 'packageInUse' }],
    });
  });

  it('drops empty values, as the client skips null scalars', () => {
    const { value, findings } = run(HEAD + 'Scope:\nInstallerLocale: ""\nInstallers:\n- Architecture: x64\n  InstallerUrl:\n');
    expect(findings).toEqual([]);
    expect(value).not.toHaveProperty('Scope');
    expect(value).not.toHaveProperty('InstallerLocale');
    expect(value['Installers']).toEqual([{ Architecture: 'x64' }]);
  });

  it('reads through aliases', () => {
    const { value } = run(HEAD + 'Installers:\n- Architecture: x64\n  InstallerSwitches: &sw\n    Silent: /S\n- Architecture: x86\n  InstallerSwitches: *sw\n');
    expect(value['Installers']).toEqual([
      { Architecture: 'x64', InstallerSwitches: { Silent: '/S' } },
      { Architecture: 'x86', InstallerSwitches: { Silent: '/S' } },
    ]);
  });
});

describe('populate: per-key findings', () => {
  it('reports a wrongly cased key, names the right one and still uses the value', () => {
    const { value, findings } = run(HEAD + 'installerType: exe\n');
    expect(value['InstallerType']).toBe('exe');
    expect(findings).toMatchObject([
      { severity: 'error', rule: 'field-case', file: 'Foo.Bar.installer.yaml', line: 5, column: 1, field: 'InstallerType' },
    ]);
    expect(findings[0]?.message).toContain('All field names should be PascalCased. [installerType]');
    expect(findings[0]?.message).toContain('use InstallerType');
  });

  it('reports a second key for the same field and keeps the first value', () => {
    const { value, findings } = run(HEAD + 'Installers:\n- InstallerType: exe\n  Architecture: x64\n  InstallerType: msi\n');
    expect(value['Installers']).toEqual([{ InstallerType: 'exe', Architecture: 'x64' }]);
    expect(findings).toMatchObject([{ severity: 'error', rule: 'field-duplicate', line: 8, column: 3, field: 'Installers[0].InstallerType' }]);
    expect(findings[0]?.message).toContain('Duplicate field found in the manifest. [InstallerType]');
  });

  it('counts a case variant as a duplicate too', () => {
    const { findings } = run(HEAD + 'InstallerType: exe\ninstallertype: msi\n');
    expect(findings.map((f) => f.rule).sort()).toEqual(['field-case', 'field-duplicate']);
  });

  it('warns about unknown keys only under full validation, and drops them', () => {
    const full = run(HEAD + 'Installers:\n- Architecture: x64\n  Colour: blue\n');
    expect(full.value['Installers']).toEqual([{ Architecture: 'x64' }]);
    expect(full.findings).toMatchObject([{ severity: 'warning', rule: 'field-unknown', line: 7, column: 3, field: 'Installers[0].Colour' }]);
    expect(full.findings[0]?.message).toContain('Unknown field. [Colour]');
    expect(run(HEAD + 'Colour: blue\n', { full: false }).findings).toEqual([]);
  });

  it('treats a field newer than the ManifestVersion as unknown', () => {
    const { value, findings } = run(HEAD.replace('1.10.0', '1.5.0') + 'DownloadCommandProhibited: true\n', { version: '1.5.0' });
    expect(value).not.toHaveProperty('DownloadCommandProhibited');
    expect(findings).toMatchObject([{ rule: 'field-unknown', field: 'DownloadCommandProhibited' }]);
  });

  it('warns about fields reserved for verified publishers', () => {
    const { findings } = run(HEAD + 'DownloadCommandProhibited: true\nInstallers:\n- Authentication:\n    AuthenticationType: none\n');
    expect(findings).toMatchObject([
      { severity: 'warning', rule: 'field-verified-publisher', line: 5, field: 'DownloadCommandProhibited' },
      { severity: 'warning', rule: 'field-verified-publisher', line: 7, column: 3, field: 'Installers[0].Authentication' },
    ]);
    expect(findings[0]?.message).toContain('Field usage requires verified publishers. [DownloadCommandProhibited]');
  });

  it('flags Agreement inside Agreements', () => {
    const { findings } = run(
      'PackageIdentifier: Foo.Bar\nPackageVersion: 1.0\nPackageLocale: en-US\nPublisher: P\nPackageName: N\nLicense: MIT\nShortDescription: S\n' +
        'Agreements:\n- AgreementLabel: EULA\n  Agreement: You agree.\nManifestType: defaultLocale\nManifestVersion: 1.10.0\n',
      { type: 'defaultLocale' },
    );
    expect(findings).toMatchObject([{ rule: 'field-verified-publisher', line: 10, column: 3, field: 'Agreements[0].Agreement' }]);
  });

  it.each([
    ['InstallLocationRequired: maybe', 5, 26, 'InstallLocationRequired', 'true or false'],
    ['InstallerSuccessCodes: [1, 0x, 3]', 5, 28, 'InstallerSuccessCodes[1]', 'integer'],
    ['InstallerSuccessCodes: [08]', 5, 25, 'InstallerSuccessCodes[0]', 'integer'],
    ['InstallerSuccessCodes: 5', 5, 24, 'InstallerSuccessCodes', 'list'],
    ['Installers:\n- InstallerSwitches:\n    Silent: [/S]', 7, 13, 'Installers[0].InstallerSwitches.Silent', 'single value'],
  ])('reports a value that cannot be converted: %s', (line, row, column, field, why) => {
    const { findings } = run(HEAD + line + '\n');
    expect(findings).toMatchObject([{ severity: 'error', rule: 'field-conversion', line: row, column, field }]);
    expect(findings[0]?.message).toContain(`Failed to process field. [${field.replace(/\[\d+\]$/, '').split('.').pop()}]`);
    expect(findings[0]?.message).toContain(why);
  });

  it.each([
    ['InstallerSwitches: {}', 5, 20, 'InstallerSwitches'],
    ['Installers:\n- x64', 6, 3, 'Installers[0]'],
    ['Installers:\n- Architecture: x64\n- InstallerSwitches: /S', 7, 22, 'Installers[1].InstallerSwitches'],
    ['Dependencies: [a]', 5, 15, 'Dependencies'],
  ])('reports a non-mapping where a mapping is required: %s', (line, row, column, field) => {
    const { findings } = run(HEAD + line + '\n');
    expect(findings).toMatchObject([{ severity: 'error', rule: 'field-not-a-mapping', line: row, column, field }]);
    expect(findings[0]?.message).toContain('Encountered unexpected root node.');
  });
});
