import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifestFile } from '../read/read-file';
import type { SingletonManifest } from '../schema';
import { singletonToSet } from './singleton';

const WINSCP = resolve(import.meta.dirname, '../../../../shared/winget-pkgs-examples/manifests/w/WinSCP/WinSCP/5.18.5.RC/WinSCP.WinSCP.yaml');

describe('singletonToSet', () => {
  const file = readManifestFile({ name: 'WinSCP.WinSCP.yaml', data: readFileSync(WINSCP) });
  const set = singletonToSet(file.value as SingletonManifest);

  it('splits the WinSCP singleton by each file schema', () => {
    expect(file.manifestType).toBe('singleton');
    expect(set.version).toEqual({
      PackageIdentifier: 'WinSCP.WinSCP',
      PackageVersion: '5.18.5.RC',
      DefaultLocale: 'en-US',
      ManifestType: 'version',
      ManifestVersion: '1.0.0',
    });
    expect(set.installer).toMatchObject({
      PackageIdentifier: 'WinSCP.WinSCP',
      PackageVersion: '5.18.5.RC',
      MinimumOSVersion: '10.0.0.0',
      InstallerType: 'inno',
      InstallerSwitches: { Custom: '/ALLUSERS' },
      ManifestType: 'installer',
      ManifestVersion: '1.0.0',
    });
    expect(set.installer.Installers).toHaveLength(1);
    expect(set.installer.Installers[0]).toMatchObject({ Architecture: 'x86', Scope: 'machine' });
    expect(set.defaultLocale).toMatchObject({
      PackageIdentifier: 'WinSCP.WinSCP',
      PackageLocale: 'en-US',
      Publisher: 'Martin Prikryl',
      PackageName: 'WinSCP',
      Moniker: 'winscp',
      License: 'GNU General Public License',
      ManifestType: 'defaultLocale',
      ManifestVersion: '1.0.0',
    });
    expect(set.defaultLocale.Tags).toContain('webdav');
    expect(set.locales).toEqual([]);
  });

  it('puts no key in two files except the identity keys', () => {
    const keys = (o: object) => new Set(Object.keys(o).filter((k) => !['PackageIdentifier', 'PackageVersion', 'ManifestType', 'ManifestVersion'].includes(k)));
    const v = keys(set.version);
    const i = keys(set.installer);
    const d = keys(set.defaultLocale);
    for (const k of i) expect(v.has(k) || d.has(k), k).toBe(false);
    for (const k of d) expect(v.has(k), k).toBe(false);
    const all = new Set([...v, ...i, ...d, 'PackageIdentifier', 'PackageVersion', 'ManifestType', 'ManifestVersion']);
    for (const k of Object.keys(file.value!)) expect(all.has(k) || k === 'PackageLocale', k).toBe(true);
  });
});
