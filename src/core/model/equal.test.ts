import { describe, expect, it } from 'vitest';
import { canonicalSet, manifestSetsEqual } from './equal';
import type { ManifestSet } from './types';

const id = { PackageIdentifier: 'Contoso.App', PackageVersion: '1.0' };
const x64 = { Architecture: 'x64', InstallerUrl: 'https://e.com/x64.exe', InstallerSha256: 'ab'.repeat(32) };
const arm64 = { Architecture: 'arm64', InstallerUrl: 'https://e.com/arm64.exe', InstallerSha256: 'CD'.repeat(32) };

function makeSet(installer: Record<string, unknown>, extra: Partial<ManifestSet> = {}): ManifestSet {
  return {
    version: { ...id, DefaultLocale: 'en-US', ManifestType: 'version', ManifestVersion: '1.12.0' },
    installer: { ...id, ...installer, ManifestType: 'installer', ManifestVersion: '1.12.0' },
    defaultLocale: { ...id, PackageLocale: 'en-US', Publisher: 'Contoso', PackageName: 'App', License: 'MIT', ShortDescription: 'App', ManifestType: 'defaultLocale', ManifestVersion: '1.12.0' },
    locales: [],
    ...extra,
  } as ManifestSet;
}

describe('manifestSetsEqual', () => {
  it('ignores whether a shared installer value is written at the root or in each installer', () => {
    const hoisted = makeSet({ InstallerType: 'exe', InstallerSwitches: { Silent: '/S' }, Installers: [x64, arm64] });
    const expanded = makeSet({
      Installers: [
        { ...x64, InstallerType: 'exe', InstallerSwitches: { Silent: '/S' } },
        { ...arm64, InstallerType: 'exe', InstallerSwitches: { Silent: '/S' } },
      ],
    });
    expect(manifestSetsEqual(hoisted, expanded)).toBe(true);
  });

  it('ignores empty values, key order and hash letter case', () => {
    const a = makeSet({ Installers: [x64], Commands: [] });
    const b = makeSet({
      Installers: [{ InstallerSha256: x64.InstallerSha256.toUpperCase(), Scope: '', InstallerUrl: x64.InstallerUrl, Architecture: 'x64' }],
      Protocols: null,
      Dependencies: {},
    });
    expect(manifestSetsEqual(a, b)).toBe(true);
  });

  it('ignores locale order but not locale content', () => {
    const fr = { ...id, PackageLocale: 'fr-FR', ShortDescription: 'Appli', ManifestType: 'locale', ManifestVersion: '1.12.0' };
    const de = { ...id, PackageLocale: 'de-DE', ShortDescription: 'App', ManifestType: 'locale', ManifestVersion: '1.12.0' };
    const a = makeSet({ Installers: [x64] }, { locales: [fr, de] } as Partial<ManifestSet>);
    const b = makeSet({ Installers: [x64] }, { locales: [de, fr] } as Partial<ManifestSet>);
    expect(manifestSetsEqual(a, b)).toBe(true);
    const c = makeSet({ Installers: [x64] }, { locales: [de, { ...fr, ShortDescription: 'Autre' }] } as Partial<ManifestSet>);
    expect(manifestSetsEqual(a, c)).toBe(false);
  });

  it('tells apart sets that differ in an effective installer value', () => {
    const a = makeSet({ Scope: 'machine', Installers: [x64, arm64] });
    const b = makeSet({ Installers: [{ ...x64, Scope: 'machine' }, arm64] });
    expect(manifestSetsEqual(a, b)).toBe(false);
    expect(manifestSetsEqual(makeSet({ Installers: [x64, arm64] }), makeSet({ Installers: [arm64, x64] }))).toBe(false);
  });

  it('has a canonical form with sorted keys and expanded installers', () => {
    const canonical = canonicalSet(makeSet({ InstallerType: 'exe', Installers: [x64] }));
    expect(canonical.installer).toEqual({
      Installers: [{ Architecture: 'x64', InstallerSha256: 'AB'.repeat(32), InstallerType: 'exe', InstallerUrl: x64.InstallerUrl }],
      ManifestType: 'installer',
      ManifestVersion: '1.12.0',
      PackageIdentifier: 'Contoso.App',
      PackageVersion: '1.0',
    });
    expect(Object.keys(canonical.installer)).toEqual(['Installers', 'ManifestType', 'ManifestVersion', 'PackageIdentifier', 'PackageVersion']);
  });
});
