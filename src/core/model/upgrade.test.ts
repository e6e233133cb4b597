import { describe, expect, it } from 'vitest';
import type { ManifestSet } from './types';
import { setManifestVersion } from './upgrade';

const id = { PackageIdentifier: 'Contoso.App', PackageVersion: '2.0' };

function set128(): ManifestSet {
  return {
    version: { ...id, DefaultLocale: 'en-US', ManifestType: 'version', ManifestVersion: '1.28.0' },
    installer: {
      ...id,
      InstallerType: 'exe',
      RepairBehavior: 'modify',
      DesiredStateConfiguration: { DSCv3: { Resources: [{ Name: 'Contoso/App' }] } },
      Installers: [
        {
          Architecture: 'x64',
          InstallerUrl: 'https://e.com/a.exe',
          InstallerSha256: 'A'.repeat(64),
          InstallerSwitches: { Silent: '/S', Repair: '/repair' },
          ArchiveBinariesDependOnPath: true,
        },
      ],
      ManifestType: 'installer',
      ManifestVersion: '1.28.0',
    },
    defaultLocale: {
      ...id,
      PackageLocale: 'en-US',
      Publisher: 'Contoso',
      PackageName: 'App',
      License: 'MIT',
      ShortDescription: 'An app',
      Icons: [{ IconUrl: 'https://e.com/i.png', IconFileType: 'png' }],
      ManifestType: 'defaultLocale',
      ManifestVersion: '1.28.0',
    },
    locales: [{ ...id, PackageLocale: 'fr-FR', ShortDescription: 'Une appli', ManifestType: 'locale', ManifestVersion: '1.28.0' }],
  } as unknown as ManifestSet;
}

describe('setManifestVersion', () => {
  it('going down to 1.12 drops only DesiredStateConfiguration and says so', () => {
    const { set, dropped } = setManifestVersion(set128(), '1.12.0');
    expect(dropped).toEqual([{ file: 'installer', field: 'DesiredStateConfiguration' }]);
    expect(set.installer.RepairBehavior).toBe('modify');
    for (const file of [set.version, set.installer, set.defaultLocale, ...set.locales]) expect(file.ManifestVersion).toBe('1.12.0');
  });

  it('going down to 1.5 drops every field added since, nested ones included', () => {
    const { set, dropped } = setManifestVersion(set128(), '1.5.0');
    expect(dropped).toEqual([
      { file: 'installer', field: 'RepairBehavior' },
      { file: 'installer', field: 'DesiredStateConfiguration' },
      { file: 'installer', field: 'Installers[0].InstallerSwitches.Repair' },
      { file: 'installer', field: 'Installers[0].ArchiveBinariesDependOnPath' },
    ]);
    expect(set.installer.Installers[0]!.InstallerSwitches).toEqual({ Silent: '/S' });
    // Icons arrived in 1.5, so they stay.
    expect(set.defaultLocale.Icons).toHaveLength(1);
    expect(setManifestVersion(set128(), '1.4.0').dropped).toContainEqual({ file: 'defaultLocale', field: 'Icons' });
  });

  it('going up keeps every field and leaves the input untouched', () => {
    const input = set128();
    const down = setManifestVersion(input, '1.12.0').set;
    const { set, dropped } = setManifestVersion(down, '1.28.0');
    expect(dropped).toEqual([]);
    expect(set.locales[0]!.ManifestVersion).toBe('1.28.0');
    expect(input.installer.DesiredStateConfiguration).toBeDefined();
    expect(input.installer.ManifestVersion).toBe('1.28.0');
  });
});
