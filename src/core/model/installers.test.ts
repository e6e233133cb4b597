import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifestFile } from '../read/read-file';
import type { InstallerManifest, SingletonManifest } from '../schema';
import { expandInstallers, hoistInstallers, normalizeInstallerManifest } from './installers';
import { singletonToSet } from './singleton';

const EXAMPLES = resolve(import.meta.dirname, '../../../../shared/winget-pkgs-examples/manifests');

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

/** The installer manifest of every example (singletons split first). */
function exampleInstallerManifests(): [string, InstallerManifest][] {
  const out: [string, InstallerManifest][] = [];
  for (const path of allFiles(EXAMPLES)) {
    const file = readManifestFile({ name: path.split('/').pop()!, data: readFileSync(path) });
    if (file.manifestType === 'installer') out.push([file.name, file.value as InstallerManifest]);
    if (file.manifestType === 'singleton') {
      out.push([file.name, singletonToSet(file.value as SingletonManifest).installer]);
    }
  }
  return out;
}

const installerManifest = (value: Record<string, unknown>): InstallerManifest =>
  ({ PackageIdentifier: 'Contoso.App', PackageVersion: '1.0', ...value, ManifestType: 'installer', ManifestVersion: '1.12.0' }) as InstallerManifest;

const x64 = { Architecture: 'x64', InstallerUrl: 'https://e.com/x64.exe', InstallerSha256: 'A'.repeat(64) };
const arm64 = { Architecture: 'arm64', InstallerUrl: 'https://e.com/arm64.exe', InstallerSha256: 'B'.repeat(64) };

describe('expandInstallers', () => {
  it('gives every installer the root values, installer values winning and switches merged key by key', () => {
    const m = installerManifest({
      InstallerType: 'exe',
      Scope: 'machine',
      InstallerSwitches: { Silent: '/S', Custom: '/root' },
      Installers: [{ ...x64, Scope: 'user', InstallerSwitches: { Custom: '/own' } }, arm64],
    });
    expect(expandInstallers(m)).toEqual([
      { ...x64, InstallerType: 'exe', Scope: 'user', InstallerSwitches: { Silent: '/S', Custom: '/own' } },
      { ...arm64, InstallerType: 'exe', Scope: 'machine', InstallerSwitches: { Silent: '/S', Custom: '/root' } },
    ]);
  });

  it('treats an empty installer value as absent, as the client does', () => {
    const m = installerManifest({ Scope: 'machine', Installers: [{ ...x64, Scope: '' }] });
    expect(expandInstallers(m)[0]!.Scope).toBe('machine');
  });

  it('does not share nested values between installers', () => {
    const expanded = expandInstallers(installerManifest({ Commands: ['app'], Installers: [x64, arm64] }));
    expanded[0]!.Commands!.push('other');
    expect(expanded[1]!.Commands).toEqual(['app']);
  });
});

describe('hoistInstallers', () => {
  const base = { PackageIdentifier: 'Contoso.App', PackageVersion: '1.0', ManifestType: 'installer', ManifestVersion: '1.12.0' };

  it('writes values shared by every installer once at the root and keeps the rest per installer', () => {
    const hoisted = hoistInstallers(base, [
      { ...x64, InstallerType: 'exe', Scope: 'user', Commands: ['app'], InstallerSwitches: { Silent: '/S', Custom: '/a' } },
      { ...arm64, InstallerType: 'exe', Scope: 'machine', Commands: ['app'], InstallerSwitches: { Silent: '/S', Custom: '/b' } },
    ] as never);
    expect(hoisted).toEqual({
      ...base,
      InstallerType: 'exe',
      Commands: ['app'],
      InstallerSwitches: { Silent: '/S' },
      Installers: [
        { ...x64, Scope: 'user', InstallerSwitches: { Custom: '/a' } },
        { ...arm64, Scope: 'machine', InstallerSwitches: { Custom: '/b' } },
      ],
    });
  });

  it('never hoists the fields every installer item must hold, even when they are equal', () => {
    const same = { Architecture: 'neutral', InstallerUrl: 'https://e.com/a.msi', InstallerSha256: 'C'.repeat(64), SignatureSha256: 'D'.repeat(64) };
    const hoisted = hoistInstallers(base, [{ ...same, Scope: 'user' }, { ...same, Scope: 'machine' }] as never) as unknown as Record<string, unknown>;
    for (const key of Object.keys(same)) expect(hoisted[key]).toBeUndefined();
    expect(hoisted.Installers).toEqual([{ ...same, Scope: 'user' }, { ...same, Scope: 'machine' }]);
  });

  it('hoists everything but the per-installer fields from a single installer, as Komac writes it', () => {
    const hoisted = hoistInstallers(base, [{ ...x64, InstallerType: 'wix', ProductCode: '{X}' }] as never);
    expect(hoisted).toEqual({ ...base, InstallerType: 'wix', ProductCode: '{X}', Installers: [x64] });
  });
});

describe('normalizeInstallerManifest on the winget-pkgs examples', () => {
  const examples = exampleInstallerManifests();

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });

  it.each(examples)('%s: expand(hoist(expand(m))) equals expand(m)', (_, m) => {
    const normalized = normalizeInstallerManifest(m);
    expect(expandInstallers(normalized)).toEqual(expandInstallers(m));
    // Normalizing is idempotent.
    expect(normalizeInstallerManifest(normalized)).toEqual(normalized);
  });

  it('moves the ProductCode every Chrome installer repeats to the root', () => {
    const [, chrome] = examples.find(([name]) => name === 'Google.Chrome.EXE.installer.yaml')!;
    const normalized = normalizeInstallerManifest(chrome) as unknown as Record<string, unknown>;
    expect(normalized.ProductCode).toBe('Google Chrome');
    expect(normalized.InstallerType).toBe('exe');
    const installers = normalized.Installers as Record<string, unknown>[];
    expect(installers.map((i) => i.ProductCode)).toEqual(Array(6).fill(undefined));
    expect(installers.map((i) => i.Scope)).toEqual(['user', 'machine', 'user', 'machine', 'user', 'machine']);
  });

  it('keeps root values when there are no installers yet', () => {
    const m = installerManifest({ InstallerType: 'msi', Installers: [] });
    expect(normalizeInstallerManifest(m)).toEqual(m);
  });
});
