import { beforeAll, describe, expect, it } from 'vitest';
import { analyseInstaller } from '../../src/installers/analyse';
import type { InstallerAnalysis } from '../../src/installers/analyse/types';
import { buildInstallers, type BuiltInstallers } from './build';
import { fileSource } from './file-source';
import { MSI } from './sources';

let built: BuiltInstallers;
beforeAll(() => {
  built = buildInstallers();
}, 120_000);

const value = (a: InstallerAnalysis, field: string) => a.suggestions.find((s) => s.field === field)?.value;

describe('MSI built with wixl', () => {
  it('reads the x64 per-machine MSI', async () => {
    const a = await analyseInstaller(fileSource(built.msiX64), 'anything.bin');
    expect(a.error).toBeUndefined();
    expect(a.kind).toBe('msi');
    expect(value(a, 'InstallerType')).toBe('msi');
    expect(value(a, 'Architecture')).toBe('x64');
    expect(value(a, 'ProductCode')).toBe(MSI.productCode);
    expect(value(a, 'Scope')).toBe('machine');
    expect(value(a, 'InstallerLocale')).toBe('en-US');
    expect(value(a, 'PackageVersion')).toBe(MSI.version);
    expect(value(a, 'Publisher')).toBe(MSI.manufacturer);
    expect(value(a, 'PackageName')).toBe(MSI.name);
    const entries = a.suggestions.find((s) => s.field === 'AppsAndFeaturesEntries');
    expect(entries?.value).toEqual([
      { DisplayName: MSI.name, Publisher: MSI.manufacturer, DisplayVersion: MSI.version, ProductCode: MSI.productCode, UpgradeCode: MSI.upgradeCode },
    ]);
    expect(entries?.omitWhenEqualToPackageVersion).toEqual(['DisplayVersion']);
    expect(entries?.source).toBe('from the MSI Property table');
    expect(a.suggestions.find((s) => s.field === 'Architecture')?.source).toMatch(/summary information/);
  });

  it('reads the x86 MSI and recognises it as WiX-built', async () => {
    const a = await analyseInstaller(fileSource(built.msiX86Wix), 'sample.msi');
    expect(a.error).toBeUndefined();
    expect(a.kind).toBe('wix');
    expect(value(a, 'InstallerType')).toBe('wix');
    expect(value(a, 'Architecture')).toBe('x86');
    expect(value(a, 'ProductCode')).toBe(MSI.x86ProductCode);
    expect(value(a, 'Scope')).toBe('machine');
  });

  it('reads a per-user German MSI with a code page 1252 Manufacturer', async () => {
    const a = await analyseInstaller(fileSource(built.msiUserDe), 'sample.msi');
    expect(a.error).toBeUndefined();
    expect(value(a, 'Scope')).toBe('user');
    expect(value(a, 'InstallerLocale')).toBe('de-DE');
    expect(value(a, 'Publisher')).toBe(MSI.userManufacturer);
    expect(value(a, 'ProductCode')).toBe(MSI.userProductCode);
  });

  it('reads only a small part of the file', async () => {
    const source = fileSource(built.msiX64);
    await analyseInstaller(source, 'sample.msi');
    // Header, FAT, directory and the few small table streams; the embedded cabinet is never read.
    expect(source.size).toBeGreaterThan(512 * 1024);
    expect(source.bytesRead).toBeLessThan(source.size / 10);
  });
});
