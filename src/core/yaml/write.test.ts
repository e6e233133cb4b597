import { GENERATOR } from '../wingsmith-version';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readManifestFile } from '../read/read-file';
import { writeManifestFile } from './write';

const EXAMPLES = resolve(import.meta.dirname, '../../../../shared/winget-pkgs-examples/manifests');

function readExample(path: string): Record<string, unknown> {
  const name = path.split('/').pop()!;
  return readManifestFile({ name, data: readFileSync(resolve(EXAMPLES, path)) }).value!;
}

const base = { PackageIdentifier: 'Contoso.App', PackageVersion: '1.10' };
const options = { manifestVersion: '1.12.0' };

describe('writeManifestFile', () => {
  it('starts with the generator line, the schema header and a blank line', () => {
    const text = writeManifestFile('defaultLocale', { ...base, PackageLocale: 'en-US' }, { ...options, generator: 'Wingsmith 0.1.0' });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# Created with Wingsmith 0.1.0',
      '# yaml-language-server: $schema=https://aka.ms/winget-manifest.defaultLocale.1.12.0.schema.json',
      '',
      'PackageIdentifier: Contoso.App',
    ]);
    expect(writeManifestFile('version', base, options).startsWith(`# Created with ${GENERATOR}\n`)).toBe(true);
  });

  it('orders keys by the schema, drops unknown keys and empty values, and ends with one newline', () => {
    const text = writeManifestFile(
      'version',
      { ManifestVersion: '1.0.0', Bogus: 'x', DefaultLocale: 'en-US', ...base, Channel: '', ManifestType: 'version' },
      options,
    );
    expect(text.split('\n').slice(3)).toEqual([
      'PackageIdentifier: Contoso.App',
      "PackageVersion: '1.10'",
      'DefaultLocale: en-US',
      'ManifestType: version',
      'ManifestVersion: 1.12.0',
      '',
    ]);
    const installer = writeManifestFile(
      'installer',
      {
        ...base,
        Installers: [
          {
            InstallerSha256: 'ab'.repeat(32),
            Architecture: 'x64',
            InstallerUrl: 'https://example.com/a.exe',
            InstallerSwitches: { Silent: '', Custom: null },
            Commands: [],
            Dependencies: { PackageDependencies: [{}] },
            InstallerSuccessCodes: [3010, 1641],
            InstallerAbortsTerminal: true,
            Unknown: 'dropped',
          },
        ],
      },
      options,
    );
    expect(installer).toContain(
      [
        'Installers:',
        '- Architecture: x64',
        '  InstallerUrl: https://example.com/a.exe',
        `  InstallerSha256: ${'AB'.repeat(32)}`,
        '  InstallerSuccessCodes:',
        '  - 3010',
        '  - 1641',
        '  InstallerAbortsTerminal: true',
        'ManifestType: installer',
      ].join('\n'),
    );
    expect(installer).not.toMatch(/Unknown|InstallerSwitches|Commands|Dependencies/);
  });

  it('nests mappings and lists like winget-pkgs', () => {
    const text = writeManifestFile(
      'installer',
      {
        ...base,
        InstallerSwitches: { Custom: '/ALLUSERS', Silent: '/S' },
        Installers: [
          {
            Architecture: 'x86',
            InstallerUrl: 'https://example.com/a.exe',
            InstallerSha256: 'A'.repeat(64),
            AppsAndFeaturesEntries: [{ DisplayName: 'App', ProductCode: '{4365E60C-C438-49EE-AC80-5E5CCD3EF342}' }],
            Dependencies: { PackageDependencies: [{ PackageIdentifier: 'Microsoft.VCRedist.2015+.x64', MinimumVersion: '14.0' }] },
          },
        ],
      },
      options,
    );
    expect(text).toContain('InstallerSwitches:\n  Silent: /S\n  Custom: /ALLUSERS\n');
    expect(text).toContain(
      [
        '  Dependencies:',
        '    PackageDependencies:',
        '    - PackageIdentifier: Microsoft.VCRedist.2015+.x64',
        "      MinimumVersion: '14.0'",
        '  AppsAndFeaturesEntries:',
        '  - DisplayName: App',
        "    ProductCode: '{4365E60C-C438-49EE-AC80-5E5CCD3EF342}'",
      ].join('\n'),
    );
  });

  it('writes multi-line text as literal blocks with the right chomping', () => {
    const text = writeManifestFile(
      'defaultLocale',
      {
        ...base,
        PackageLocale: 'en-US',
        Description: 'One\nTwo\n',
        ReleaseNotes: ' - indented first line\n- second',
        InstallationNotes: 'Keep\n\n',
        Tags: ['a', 'yes', '1.0'],
      },
      options,
    );
    expect(text).toContain('Description: |\n  One\n  Two\nTags:\n- a\n- yes\n- \'1.0\'\n');
    expect(text).toContain('ReleaseNotes: |2-\n   - indented first line\n  - second\n');
    expect(text).toContain('InstallationNotes: |+\n  Keep\n\n');
    const back = parse(text) as Record<string, unknown>;
    expect(back.Description).toBe('One\nTwo\n');
    expect(back.ReleaseNotes).toBe(' - indented first line\n- second');
    expect(back.InstallationNotes).toBe('Keep\n\n');
  });

  it('keeps the ReleaseNotes of a real manifest as a literal block that reads back identically', () => {
    const value = readExample('o/Obsidian/Obsidian/1.11.7/Obsidian.Obsidian.locale.en-US.yaml');
    const text = writeManifestFile('defaultLocale', value, { manifestVersion: String(value.ManifestVersion) });
    expect(text).toContain(
      '\nReleaseNotes: |-\n  Improved\n  - Added new choose-vault URI action to open the vault switcher.\nReleaseNotesUrl: ',
    );
    const back = readManifestFile({ name: 'Obsidian.Obsidian.locale.en-US.yaml', data: text });
    expect(back.findings).toEqual([]);
    expect(back.value!.ReleaseNotes).toBe(value.ReleaseNotes);
    expect(writeManifestFile('defaultLocale', back.value!, { manifestVersion: String(value.ManifestVersion) })).toBe(text);
  });

  it('indents literal blocks inside list items and falls back to double quotes where a block cannot go', () => {
    const text = writeManifestFile(
      'defaultLocale',
      {
        ...base,
        PackageLocale: 'en-US',
        Agreements: [{ AgreementLabel: 'EULA', Agreement: ' Indented terms\nline two' }],
        Tags: ['a\nb', ' c\nd'],
      },
      options,
    );
    expect(text).toContain('Agreements:\n- AgreementLabel: EULA\n  Agreement: |2-\n     Indented terms\n    line two\n');
    expect(text).toContain('Tags:\n- |-\n  a\n  b\n- " c\\nd"\n');
    const back = parse(text, { schema: 'failsafe' }) as { Agreements: { Agreement: string }[]; Tags: string[] };
    expect(back.Agreements[0]!.Agreement).toBe(' Indented terms\nline two');
    expect(back.Tags).toEqual(['a\nb', ' c\nd']);
  });

  it('writes CRLF throughout when asked, literal blocks included', () => {
    const text = writeManifestFile('defaultLocale', { ...base, PackageLocale: 'en-US', ReleaseNotes: 'a\nb' }, { ...options, eol: 'crlf' });
    expect(text).toContain('ReleaseNotes: |-\r\n  a\r\n  b\r\n');
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(text.endsWith('ManifestVersion: 1.12.0\r\n')).toBe(true);
    expect((parse(text) as Record<string, unknown>).ReleaseNotes).toBe('a\nb');
  });

  it('quotes strings that would read back as another type or break the syntax, and nothing else', () => {
    const cases: Record<string, string> = {
      PackageName: 'true',
      Publisher: 'NULL',
      Author: '#1 Author',
      License: 'MIT: see file',
      Copyright: "it's mine",
      ShortDescription: '- dash start',
      Description: 'x #y',
      Moniker: '0x1F',
    };
    const text = writeManifestFile('defaultLocale', { ...base, PackageLocale: 'en-US', ...cases }, options);
    expect(text).toContain("PackageName: 'true'\n");
    expect(text).toContain("Publisher: 'NULL'\n");
    expect(text).toContain("Author: '#1 Author'\n");
    expect(text).toContain("License: 'MIT: see file'\n");
    expect(text).toContain("Copyright: it's mine\n");
    expect(text).toContain("ShortDescription: '- dash start'\n");
    expect(text).toContain("Moniker: '0x1F'\n");
    const back = parse(text, { schema: 'failsafe' }) as Record<string, unknown>;
    for (const [key, value] of Object.entries(cases)) expect(back[key]).toBe(value);
  });

  it('writes integers and booleans plain, and accepts their text forms', () => {
    const text = writeManifestFile(
      'installer',
      {
        ...base,
        InstallerSuccessCodes: ['3010', -1978335212],
        RequireExplicitUpgrade: 'TRUE',
        Installers: [{ Architecture: 'x64', InstallerUrl: 'https://e.com/a', InstallerSha256: 'c'.repeat(64) }],
      },
      options,
    );
    expect(text).toContain('InstallerSuccessCodes:\n- 3010\n- -1978335212\nRequireExplicitUpgrade: true\n');
  });
});
