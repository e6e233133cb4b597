import { beforeAll, describe, expect, it } from 'vitest';
import { analyseInstaller } from '../../src/installers/analyse';
import type { InstallerAnalysis } from '../../src/installers/analyse/types';
import { buildInstallers, type BuiltInstallers } from './build';
import { ascii, craftPe, utf16 } from './craft-pe';
import { bytesSource, fileSource } from './file-source';
import { NSIS, PE } from './sources';

let built: BuiltInstallers;
beforeAll(() => {
  built = buildInstallers();
}, 120_000);

const value = (a: InstallerAnalysis, field: string) => a.suggestions.find((s) => s.field === field)?.value;
const suggestion = (a: InstallerAnalysis, field: string) => a.suggestions.find((s) => s.field === field);

describe('EXE built with makensis', () => {
  it('is recognised as Nullsoft with its version strings', async () => {
    const a = await analyseInstaller(fileSource(built.nsis), 'setup.exe');
    expect(a.error).toBeUndefined();
    expect(a.kind).toBe('nullsoft');
    expect(suggestion(a, 'InstallerType')).toMatchObject({ value: 'nullsoft', certain: true });
    // NSIS stubs are 32-bit whatever they install, so the architecture is only a guess.
    expect(suggestion(a, 'Architecture')).toMatchObject({ value: 'x86', certain: false });
    expect(suggestion(a, 'Publisher')).toMatchObject({ value: NSIS.company, target: 'defaultLocale', certain: false, source: 'from the PE version resource (CompanyName)' });
    expect(value(a, 'PackageName')).toBe(NSIS.productName);
    expect(suggestion(a, 'PackageVersion')).toMatchObject({ value: NSIS.productVersion, target: 'version' });
    expect(value(a, 'Copyright')).toBe(NSIS.copyright);
  });
});

describe('EXE built with mingw-w64 and windres', () => {
  it('reads x64 and the version resource, and asks about portable', async () => {
    const a = await analyseInstaller(fileSource(built.peX64), 'tool.exe');
    expect(a.error).toBeUndefined();
    expect(a.kind).toBe('exe');
    expect(suggestion(a, 'InstallerType')).toMatchObject({ value: 'exe', certain: false });
    expect(a.notes).toContain('Could be a portable app; choose portable if it runs without installing.');
    expect(value(a, 'Architecture')).toBe('x64');
    expect(value(a, 'Publisher')).toBe(PE.company);
    expect(value(a, 'PackageName')).toBe(PE.productName);
    expect(value(a, 'PackageVersion')).toBe(PE.productVersion);
    expect(value(a, 'Copyright')).toBe(PE.copyright);
  });
});

describe('hand-made PE files', () => {
  it.each([
    [0x14c, 'x86'],
    [0x8664, 'x64'],
    [0xaa64, 'arm64'],
    [0x1c4, 'arm'],
  ])('maps COFF machine 0x%s', async (machine, arch) => {
    const a = await analyseInstaller(bytesSource(craftPe({ machine })), 'x.exe');
    expect(a.error).toBeUndefined();
    expect(value(a, 'Architecture')).toBe(arch);
  });

  it('notes an unknown machine instead of guessing', async () => {
    const a = await analyseInstaller(bytesSource(craftPe({ machine: 0x200 })), 'x.exe');
    expect(value(a, 'Architecture')).toBeUndefined();
    expect(a.notes.join(' ')).toMatch(/Unknown PE machine type 0x200/);
  });

  it('recognises a WiX Burn bundle by its .wixburn section', async () => {
    const a = await analyseInstaller(bytesSource(craftPe({ sections: [{ name: '.text' }, { name: '.wixburn', data: new Uint8Array(52) }] })), 'x.exe');
    expect(a.kind).toBe('burn');
    expect(suggestion(a, 'InstallerType')).toMatchObject({ value: 'burn', certain: true });
  });

  it('recognises Inno Setup by the setup data in the overlay', async () => {
    const a = await analyseInstaller(bytesSource(craftPe({ machine: 0x14c, overlay: ascii('Inno Setup Setup Data (6.2.2) (u)') })), 'x.exe');
    expect(a.kind).toBe('inno');
    expect(value(a, 'InstallerType')).toBe('inno');
  });

  it('recognises Inno Setup by its loader window class', async () => {
    const a = await analyseInstaller(bytesSource(craftPe({ machine: 0x14c, sections: [{ name: '.data', data: utf16('InnoSetupLdrWindow') }] })), 'x.exe');
    expect(a.kind).toBe('inno');
  });

  it('says when there is no version resource', async () => {
    const a = await analyseInstaller(bytesSource(craftPe()), 'x.exe');
    expect(a.notes.join(' ')).toMatch(/no version resource/);
  });

  it('rejects an MZ file without a PE header', async () => {
    const dos = new Uint8Array(256);
    dos.set(ascii('MZ'));
    const a = await analyseInstaller(bytesSource(dos), 'x.exe');
    expect(a.error).toMatch(/no PE header/);
  });
});
