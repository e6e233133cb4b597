import { describe, expect, it } from 'vitest';
import { installerBody } from '../../test/github-double/test-support';
import { arpVersionRange, rangesOverlap } from './arp-ranges';
import { packageDependencies } from './dependencies';
import { installersOf } from './manifest-installers';

const installers = (body: string) =>
  installersOf([{ name: 'Contoso.App.installer.yaml', text: `PackageIdentifier: Contoso.App\nPackageVersion: 1.0\n${body}ManifestType: installer\nManifestVersion: 1.12.0\n` }]);

describe('arpVersionRange', () => {
  it('spans the lowest to the highest DisplayVersion by winget version order, not text order', () => {
    expect(arpVersionRange(installers(installerBody('msi', ['1.9', '1.10', '1.2.3'])))).toEqual({ min: '1.2.3', max: '1.10' });
  });

  it('is undefined without Apps and Features entries, or with entries but no DisplayVersion', () => {
    expect(arpVersionRange(installers(installerBody('exe')))).toBeUndefined();
    expect(arpVersionRange(installers(installerBody('exe').replace('InstallerSha256', "AppsAndFeaturesEntries:\n  - DisplayName: App\n  InstallerSha256")))).toBeUndefined();
  });

  it('counts only the installer types the client counts, a zip by its nested type', () => {
    expect(arpVersionRange(installers(installerBody('portable', ['1.0'])))).toBeUndefined();
    expect(arpVersionRange(installers(installerBody('msix', ['1.0'])))).toBeUndefined();
    expect(arpVersionRange(installers(installerBody('zip', ['1.0'], 'NestedInstallerType: portable\n')))).toBeUndefined();
    expect(arpVersionRange(installers(installerBody('zip', ['1.0'], 'NestedInstallerType: NULLSOFT\n')))).toEqual({ min: '1.0', max: '1.0' });
    expect(arpVersionRange(installers(installerBody('Inno', ['2.0'])))).toEqual({ min: '2.0', max: '2.0' });
  });

  it('takes entries written once at the root for every installer', () => {
    const body = "AppsAndFeaturesEntries:\n- DisplayVersion: '3.1'\n" + installerBody('wix');
    expect(arpVersionRange(installers(body))).toEqual({ min: '3.1', max: '3.1' });
  });
});

describe('rangesOverlap', () => {
  it('includes both bounds and compares as winget does', () => {
    expect(rangesOverlap({ min: '1.0', max: '1.5' }, { min: '1.5', max: '2.0' })).toBe(true);
    expect(rangesOverlap({ min: '1.0', max: '1.5' }, { min: '1.5.0', max: '2.0' })).toBe(true);
    expect(rangesOverlap({ min: '1.0', max: '1.5' }, { min: '1.5.1', max: '2.0' })).toBe(false);
    expect(rangesOverlap({ min: '1.10', max: '1.10' }, { min: '1.9', max: '1.9' })).toBe(false);
    expect(rangesOverlap({ min: '1.0', max: '3.0' }, { min: '2.0', max: '2.0' })).toBe(true);
  });
});

describe('packageDependencies', () => {
  it('merges the installers\' dependencies per identifier, keeping the highest MinimumVersion', () => {
    const body =
      'Dependencies:\n  PackageDependencies:\n  - PackageIdentifier: Contoso.Lib\n    MinimumVersion: 1.9\n' +
      installerBody('exe') +
      '  Dependencies:\n    PackageDependencies:\n    - PackageIdentifier: contoso.lib\n      MinimumVersion: 1.10\n    - PackageIdentifier: Contoso.Runtime\n' +
      installerBody('exe').replace('Installers:\n', '').replace('x64', 'x86');
    expect(packageDependencies(installers(body))).toEqual([
      { identifier: 'contoso.lib', minimumVersion: '1.10' },
      { identifier: 'Contoso.Runtime' },
    ]);
  });
});
