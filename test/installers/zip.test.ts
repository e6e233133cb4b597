import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseInstaller } from '../../src/installers/analyse';
import type { InstallerAnalysis } from '../../src/installers/analyse/types';
import { buildInstallers, type BuiltInstallers } from './build';
import { bytesSource, fileBytes } from './file-source';
import { buildMsix } from './msix-fixtures';
import { MSI, PE } from './sources';
import { zip64Stored } from './zip64';

let built: BuiltInstallers;
beforeAll(() => {
  built = buildInstallers();
}, 120_000);

const value = (a: InstallerAnalysis, field: string) => a.suggestions.find((s) => s.field === field)?.value;
const font = new Uint8Array(64).fill(1);

describe('zip archives', () => {
  it('lists entries and offers the only installer inside', async () => {
    const zip = zipSync({ 'tool/Tool.exe': fileBytes(built.peX64), 'tool/readme.txt': new TextEncoder().encode('hi'), 'tool/': new Uint8Array(0) });
    const a = await analyseInstaller(bytesSource(zip), 'tool.zip');
    expect(a.error).toBeUndefined();
    expect(a.kind).toBe('zip');
    expect(a.entries).toEqual([
      { path: 'tool/Tool.exe', size: fileBytes(built.peX64).length, kind: 'exe' },
      { path: 'tool/readme.txt', size: 2, kind: 'unknown' },
    ]);
    expect(value(a, 'InstallerType')).toBe('zip');
    expect(value(a, 'NestedInstallerType')).toBe('exe');
    expect(value(a, 'NestedInstallerFiles')).toEqual([{ RelativeFilePath: 'tool/Tool.exe' }]);
  });

  it('analyses a chosen deflated nested exe and merges what it says', async () => {
    const zip = zipSync({ 'tool/Tool.exe': fileBytes(built.peX64) }, { level: 9 });
    const a = await analyseInstaller(bytesSource(zip), 'tool.zip', { nestedPath: 'tool/Tool.exe' });
    expect(a.error).toBeUndefined();
    expect(value(a, 'InstallerType')).toBe('zip');
    expect(value(a, 'NestedInstallerType')).toBe('exe');
    expect(value(a, 'Architecture')).toBe('x64');
    expect(value(a, 'Publisher')).toBe(PE.company);
    expect(a.suggestions.find((s) => s.field === 'Architecture')?.source).toMatch(/of tool\/Tool\.exe in the zip$/);
  });

  it('analyses a stored nested MSI in place', async () => {
    const zip = zipSync({ 'Sample.msi': [fileBytes(built.msiX64), { level: 0 }] });
    const a = await analyseInstaller(bytesSource(zip), 'sample.zip', { nestedPath: 'Sample.msi' });
    expect(a.error).toBeUndefined();
    expect(value(a, 'NestedInstallerType')).toBe('msi');
    expect(value(a, 'ProductCode')).toBe(MSI.productCode);
    expect(value(a, 'NestedInstallerFiles')).toEqual([{ RelativeFilePath: 'Sample.msi' }]);
  });

  it('analyses a nested MSIX', async () => {
    const zip = zipSync({ 'pkg/Sample.msix': buildMsix() });
    const a = await analyseInstaller(bytesSource(zip), 'sample.zip', { nestedPath: 'pkg/Sample.msix' });
    expect(value(a, 'NestedInstallerType')).toBe('msix');
    expect(value(a, 'PackageFamilyName')).toBe('Wingsmith.Sample_8wekyb3d8bbwe');
  });

  it('makes a fonts-only zip a font installer', async () => {
    const zip = zipSync({ 'Sans.ttf': font, 'Serif.otf': font, 'All.ttc': font, 'LICENSE.txt': font });
    const a = await analyseInstaller(bytesSource(zip), 'fonts.zip');
    expect(value(a, 'NestedInstallerType')).toBe('font');
    expect(value(a, 'NestedInstallerFiles')).toEqual([{ RelativeFilePath: 'Sans.ttf' }, { RelativeFilePath: 'Serif.otf' }, { RelativeFilePath: 'All.ttc' }]);
  });

  it('asks when several installers are inside', async () => {
    const zip = zipSync({ 'a.msi': font, 'b.exe': font });
    const a = await analyseInstaller(bytesSource(zip), 'both.zip');
    expect(value(a, 'NestedInstallerType')).toBeUndefined();
    expect(a.notes.join(' ')).toMatch(/2 possible installers/);
  });

  it('reads a ZIP64 central directory', async () => {
    const zip = zip64Stored([{ path: 'readme.txt', data: new Uint8Array(10) }, { path: 'bin/Tool.exe', data: fileBytes(built.peX64) }]);
    const a = await analyseInstaller(bytesSource(zip), 'big.zip', { nestedPath: 'bin/Tool.exe' });
    expect(a.error).toBeUndefined();
    expect(a.entries?.map((e) => e.path)).toEqual(['readme.txt', 'bin/Tool.exe']);
    expect(value(a, 'Architecture')).toBe('x64');
  });

  it('refuses to inflate a compressed nested installer over the memory limit', async () => {
    const zip = zipSync({ 'huge.exe': fileBytes(built.peX64) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Claim 600 MB unpacked in the central directory: the analyser must stop before inflating anything.
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 600 << 20, true);
        break;
      }
    }
    const a = await analyseInstaller(bytesSource(zip), 'huge.zip', { nestedPath: 'huge.exe' });
    expect(a.error).toMatch(/huge\.exe is compressed and 600 MB unpacked; Wingsmith analyses compressed nested installers up to 512 MB/);
    expect(value(a, 'InstallerType')).toBe('zip');
  });

  it('says when the chosen entry does not exist', async () => {
    const a = await analyseInstaller(bytesSource(zipSync({ 'a.exe': font })), 'a.zip', { nestedPath: 'b.exe' });
    expect(a.error).toBe('The zip has no entry b.exe');
  });
});
