import { describe, expect, it } from 'vitest';
import { readManifestFile } from '../read/read-file';
import { previewManifestSchema } from '../schema/preview';
import { previewToSet } from './preview';
import { writeManifestSet } from './write-set';

// Shaped like the preview-format sample in the winget-cli docs, with made-up data.
const PREVIEW = `Id: Contoso.Notepad
Version: 1.10
Name: Contoso Notepad
Publisher: Contoso Ltd.
AppMoniker: cnotepad
Author: Contoso Developers
License: MIT
LicenseUrl: https://contoso.example/license
MinOSVersion: 10.0.17763.0
Homepage: https://contoso.example/notepad
Description: A small text editor for quick notes.
Tags: editor, notes, text,, notes
Commands: cnote,cnotepad
Protocols: cnote
FileExtensions: txt, md
InstallerType: Nullsoft
UpdateBehavior: UninstallPrevious
Switches:
  Silent: /S
  Update: /update
  Language: /lang=en
Installers:
  - Arch: X64
    Url: https://contoso.example/notepad-x64.exe
    Sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    Language: en-US
    Scope: Machine
  - Arch: arm64
    Url: https://contoso.example/notepad-arm64.exe
    Sha256: FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210
    Language: en-US
    InstallerType: exe
    Switches:
      Custom: --no-telemetry
Localization:
  - Language: en-US
    Homepage: https://contoso.example/en/notepad
  - Language: fr-FR
    Description: Un petit éditeur de texte.
    Homepage: https://contoso.example/fr/notepad
`;

describe('previewToSet', () => {
  const file = readManifestFile({ name: 'Contoso.Notepad.yaml', data: PREVIEW });

  it('reads as a preview manifest that the lean schema accepts', () => {
    expect(file.manifestVersion).toBe('0.1.0');
    expect(previewManifestSchema.safeParse(file.value).success).toBe(true);
    expect(previewManifestSchema.safeParse({ ...file.value, Installers: [] }).success).toBe(false);
  });

  const set = previewToSet(file.value!);

  it('converts names, lists and enum spellings to a v1 set at the default ManifestVersion', () => {
    expect(set.version).toEqual({
      PackageIdentifier: 'Contoso.Notepad',
      PackageVersion: '1.10',
      DefaultLocale: 'en-US',
      ManifestType: 'version',
      ManifestVersion: '1.12.0',
    });
    expect(set.installer).toEqual({
      PackageIdentifier: 'Contoso.Notepad',
      PackageVersion: '1.10',
      MinimumOSVersion: '10.0.17763.0',
      InstallerType: 'nullsoft',
      UpgradeBehavior: 'uninstallPrevious',
      InstallerSwitches: { Silent: '/S', Upgrade: '/update' },
      Commands: ['cnote', 'cnotepad'],
      Protocols: ['cnote'],
      FileExtensions: ['txt', 'md'],
      Installers: [
        {
          Architecture: 'x64',
          InstallerLocale: 'en-US',
          Scope: 'machine',
          InstallerUrl: 'https://contoso.example/notepad-x64.exe',
          InstallerSha256: '0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF',
        },
        {
          Architecture: 'arm64',
          InstallerLocale: 'en-US',
          InstallerUrl: 'https://contoso.example/notepad-arm64.exe',
          InstallerSha256: 'FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210',
          InstallerType: 'exe',
          InstallerSwitches: { Custom: '--no-telemetry' },
        },
      ],
      ManifestType: 'installer',
      ManifestVersion: '1.12.0',
    });
    expect(set.defaultLocale).toEqual({
      PackageIdentifier: 'Contoso.Notepad',
      PackageVersion: '1.10',
      PackageLocale: 'en-US',
      Publisher: 'Contoso Ltd.',
      Author: 'Contoso Developers',
      PackageName: 'Contoso Notepad',
      License: 'MIT',
      Moniker: 'cnotepad',
      Tags: ['editor', 'notes', 'text'],
      PackageUrl: 'https://contoso.example/notepad',
      LicenseUrl: 'https://contoso.example/license',
      ShortDescription: 'A small text editor for quick notes.',
      ManifestType: 'defaultLocale',
      ManifestVersion: '1.12.0',
    });
    expect(set.locales).toEqual([
      {
        PackageIdentifier: 'Contoso.Notepad',
        PackageVersion: '1.10',
        PackageLocale: 'fr-FR',
        PackageUrl: 'https://contoso.example/fr/notepad',
        ShortDescription: 'Un petit éditeur de texte.',
        ManifestType: 'locale',
        ManifestVersion: '1.12.0',
      },
    ]);
  });

  it('writes a set the reader accepts without findings', () => {
    const { folder, files } = writeManifestSet(set);
    expect(folder).toBe('manifests/c/Contoso/Notepad/1.10/');
    expect(files.map((f) => f.name)).toContain('Contoso.Notepad.locale.fr-FR.yaml');
    for (const written of files) expect(readManifestFile({ name: written.name, data: written.text }).findings).toEqual([]);
  });

  it('defaults the locale to en-US and splits a long description', () => {
    const long = `${'word '.repeat(80)}end`;
    const minimal = previewToSet({
      Id: 'A.B',
      Version: '1',
      Name: 'B',
      Publisher: 'A',
      License: 'x',
      Description: long,
      Installers: [{ Arch: 'x86', Url: 'https://a.example/b.msi', Sha256: 'a'.repeat(64) }],
    });
    expect(minimal.defaultLocale.PackageLocale).toBe('en-US');
    expect(minimal.version.DefaultLocale).toBe('en-US');
    expect(minimal.defaultLocale.ShortDescription!.length).toBeLessThanOrEqual(256);
    expect(minimal.defaultLocale.Description).toBe(long);
  });
});
