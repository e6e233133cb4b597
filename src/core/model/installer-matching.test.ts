import { describe, expect, it } from 'vitest';
import type { Installer } from '../schema';
import { expandInstallers } from './installers';
import {
  applyInstallerRows, installerFamily, installerTraits, matchInstallers, staleAppsAndFeatures, traitsFromUrl,
} from './installer-matching';
import type { ManifestSet } from './types';

const inst = (value: Record<string, unknown>) => value as unknown as Installer;

describe('installer traits', () => {
  it('groups installer types into families', () => {
    expect(['exe', 'inno', 'nullsoft', 'burn'].map(installerFamily)).toEqual(['exe', 'exe', 'exe', 'exe']);
    expect(['msi', 'wix', 'msix', 'appx', 'zip', 'portable', 'pwa', undefined].map(installerFamily))
      .toEqual(['msi', 'msi', 'msix', 'msix', 'zip', 'portable', 'other', undefined]);
  });

  it('reads architecture, family and scope from a file name', () => {
    expect(traitsFromUrl('https://e.x/dl/App-2.0-arm64.msi?x=1')).toEqual({ architecture: 'arm64', family: 'msi' });
    expect(traitsFromUrl('https://e.x/App_win64_user.exe')).toEqual({ architecture: 'x64', family: 'exe', scope: 'user' });
    expect(traitsFromUrl('https://e.x/App-x86.zip')).toEqual({ architecture: 'x86', family: 'zip' });
    expect(traitsFromUrl('https://e.x/setup')).toEqual({});
  });
});

describe('matchInstallers', () => {
  const previous = [
    { architecture: 'x64', family: 'exe' as const, scope: 'user' },
    { architecture: 'x64', family: 'exe' as const, scope: 'machine' },
    { architecture: 'x86', family: 'msi' as const },
  ];

  it('matches by architecture, family and scope, and handles more rows than before', () => {
    const rows = [
      { architecture: 'x86', family: 'msi' as const },
      { architecture: 'x64', family: 'exe' as const, scope: 'machine' },
      { architecture: 'x64', family: 'exe' as const },
      { architecture: 'arm64', family: 'exe' as const },
    ];
    expect(matchInstallers(rows, previous)).toEqual([2, 1, 0, undefined]);
  });

  it('maps several rows to one previous installer when it is the only fit', () => {
    expect(matchInstallers([{ family: 'msi' }, { family: 'msi', architecture: 'x86' }], previous)).toEqual([2, 2]);
  });

  it('reads an installer manifest row', () => {
    expect(installerTraits(inst({ Architecture: 'x64', InstallerType: 'wix', Scope: 'machine', InstallerLocale: 'en-US', InstallerUrl: 'u' })))
      .toEqual({ architecture: 'x64', family: 'msi', scope: 'machine', locale: 'en-US' });
  });
});

describe('applyInstallerRows', () => {
  const set = {
    version: {}, defaultLocale: {}, locales: [],
    installer: {
      PackageIdentifier: 'C.A', PackageVersion: '2.0', InstallerType: 'inno', ReleaseDate: '2024-01-01',
      Installers: [
        { Architecture: 'x64', InstallerUrl: 'https://e.x/1.0/a-x64.exe', InstallerSha256: 'AA', InstallerSwitches: { Custom: '/x64' } },
        { Architecture: 'x86', InstallerUrl: 'https://e.x/1.0/a-x86.exe', InstallerSha256: 'BB' },
      ],
      ManifestType: 'installer', ManifestVersion: '1.12.0',
    },
  } as unknown as ManifestSet;

  it('builds one installer per row from the matched previous one', () => {
    const previous = expandInstallers(set.installer);
    const rows = [
      { url: 'https://e.x/2.0/a-x64.exe', architecture: 'x64' },
      { url: 'https://e.x/2.0/a-x86.exe', architecture: 'x86', sha256: 'CC' },
      { url: 'https://e.x/2.0/a-arm64.exe', architecture: 'arm64' },
    ];
    const next = applyInstallerRows(set, previous, rows, [0, 1, 0]);
    const root = next.installer as unknown as Record<string, unknown>;
    expect(root.InstallerType).toBe('inno');
    expect(root.ReleaseDate).toBeUndefined();
    expect(root.Installers).toEqual([
      { Architecture: 'x64', InstallerUrl: 'https://e.x/2.0/a-x64.exe', InstallerSha256: '', InstallerSwitches: { Custom: '/x64' } },
      { Architecture: 'x86', InstallerUrl: 'https://e.x/2.0/a-x86.exe', InstallerSha256: 'CC' },
      { Architecture: 'arm64', InstallerUrl: 'https://e.x/2.0/a-arm64.exe', InstallerSha256: '', InstallerSwitches: { Custom: '/x64' } },
    ]);
    expect((set.installer as unknown as { Installers: unknown[] }).Installers).toHaveLength(2);
  });

  it('leaves the InstallerType of a new .exe to analysis, and names an .msi or .zip by its extension', () => {
    const rows = [
      { url: 'https://e.x/2.0/setup.exe', family: 'exe' as const },
      { url: 'https://e.x/2.0/a.msi', family: 'msi' as const },
      { url: 'https://e.x/2.0/a.zip', family: 'zip' as const },
    ];
    const next = applyInstallerRows(set, [], rows, [undefined, undefined, undefined]);
    const installers = (next.installer as unknown as { Installers: Record<string, unknown>[] }).Installers;
    expect(installers.map((i) => i.InstallerType)).toEqual([undefined, 'msi', 'zip']);
    // An exe replacing an msi: the msi's type would be wrong, and no exe type can be told from the name.
    const fromMsi = applyInstallerRows(set, [{ Architecture: 'x64', InstallerType: 'msi' } as unknown as Installer], [rows[0]!], [0]);
    expect((fromMsi.installer as unknown as { Installers: Record<string, unknown>[] }).Installers[0]!.InstallerType).toBeUndefined();
  });
});

describe('staleAppsAndFeatures', () => {
  const entry = { DisplayVersion: '1.0', ProductCode: '{A}', UpgradeCode: '{U}' };
  const previous = [inst({ Architecture: 'x64', InstallerUrl: 'https://e.x/1.0.msi', AppsAndFeaturesEntries: [entry] })];

  it('flags values still equal to the previous build once the installer changed', () => {
    const current = [inst({ Architecture: 'x64', InstallerUrl: 'https://e.x/2.0.msi', AppsAndFeaturesEntries: [{ ...entry, DisplayVersion: '2.0' }] })];
    expect(staleAppsAndFeatures(previous, current).map((s) => s.key)).toEqual(['ProductCode', 'UpgradeCode']);
  });

  it('says nothing while the installer is the previous one', () => {
    expect(staleAppsAndFeatures(previous, previous)).toEqual([]);
  });
});
