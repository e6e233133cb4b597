import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseInstaller } from '../../src/installers/analyse';
import type { InstallerAnalysis } from '../../src/installers/analyse/types';
import { buildInstallers, type BuiltInstallers } from './build';
import { bytesSource, fileBytes } from './file-source';
import { buildBundle, buildMsix } from './msix-fixtures';

let built: BuiltInstallers;
beforeAll(() => {
  built = buildInstallers();
}, 120_000);

function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), x / 2 ** 32);
}

const fixtures = (): [string, string, Uint8Array][] => [
  ['MSI', 'sample.msi', fileBytes(built.msiX64)],
  ['NSIS', 'setup.exe', fileBytes(built.nsis)],
  ['PE', 'tool.exe', fileBytes(built.peX64)],
  ['MSIX', 'sample.msix', buildMsix()],
  ['bundle', 'sample.msixbundle', buildBundle({ inlineFamilies: false })],
  ['zip', 'tool.zip', zipSync({ 'Tool.exe': fileBytes(built.peX64), 'a.ttf': new Uint8Array(9) })],
];

function wellFormed(a: InstallerAnalysis): void {
  expect(Array.isArray(a.suggestions)).toBe(true);
  expect(Array.isArray(a.notes)).toBe(true);
  if (a.error !== undefined) expect(a.error.length).toBeGreaterThan(10);
}

describe('malformed and truncated installers', () => {
  it.each(['MSI', 'NSIS', 'PE', 'MSIX', 'bundle', 'zip'])('%s cut in half gives a clear error', async (label) => {
    const [, name, bytes] = fixtures().find(([l]) => l === label) ?? ['', '', new Uint8Array(0)];
    const a = await analyseInstaller(bytesSource(bytes.subarray(0, bytes.length >> 1)), name);
    expect(a.error).toMatch(/truncated|damaged|missing/);
    wellFormed(a);
  });

  it('names the sectors and the end of file for a truncated MSI', async () => {
    const bytes = fileBytes(built.msiX64);
    const a = await analyseInstaller(bytesSource(bytes.subarray(0, bytes.length - 4096)), 'sample.msi');
    expect(a.error).toMatch(/^The MSI is truncated: the compound file says it has (at least )?\d+ sectors \(\d+ bytes.*\) but the file ends at byte \d+$/);
  });

  it('names the NSIS data end for a slightly cut NSIS installer', async () => {
    const bytes = fileBytes(built.nsis);
    const a = await analyseInstaller(bytesSource(bytes.subarray(0, bytes.length - 10)), 'setup.exe');
    expect(a.error).toBe(`The NSIS installer is truncated: its data should end at byte ${bytes.length} but the file ends at byte ${bytes.length - 10}`);
  });

  it('survives every cut point without throwing', async () => {
    for (const [, name, bytes] of fixtures()) {
      for (let k = 0; k <= 32; k++) wellFormed(await analyseInstaller(bytesSource(bytes.subarray(0, Math.floor((bytes.length * k) / 32))), name));
    }
  });

  it('survives random corruption without throwing', async () => {
    const next = random(4242);
    for (const [, name, bytes] of fixtures()) {
      for (let round = 0; round < 40; round++) {
        const copy = bytes.slice();
        const flips = 1 + Math.floor(next() * 64);
        // Keep the magic bytes so the format's own reader gets the damage.
        for (let i = 0; i < flips; i++) copy[8 + Math.floor(next() * (copy.length - 8))] = Math.floor(next() * 256);
        wellFormed(await analyseInstaller(bytesSource(copy), name));
      }
    }
  });

  it.each([
    ['an OLE header and noise', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['PK and noise', [0x50, 0x4b, 0x03, 0x04]],
    ['MZ and noise', [0x4d, 0x5a]],
  ])('gives an error for %s', async (_label, magic) => {
    const next = random(7);
    const bytes = Uint8Array.from({ length: 5000 }, () => Math.floor(next() * 256));
    bytes.set(magic);
    const a = await analyseInstaller(bytesSource(bytes), 'noise.bin');
    expect(a.error).toBeTruthy();
    wellFormed(a);
  });

  it('rejects unknown and empty files by their bytes', async () => {
    expect((await analyseInstaller(bytesSource(new TextEncoder().encode('hello world')), 'setup.msi')).error).toMatch(
      /not an installer Wingsmith can read: it is not an MSI, MSIX\/APPX, EXE or zip \(the first bytes are 68 65 6c 6c\)/,
    );
    expect((await analyseInstaller(bytesSource(new Uint8Array(0)), 'setup.exe')).error).toBe('The file is empty');
  });
});
