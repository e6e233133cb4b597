import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource, readExact } from './byte-source';
import { analyseInstaller } from './index';

describe('blobSource', () => {
  it('reads slices and clamps at the end', async () => {
    const source = blobSource(new Blob([Uint8Array.of(1, 2, 3, 4, 5)]));
    expect(source.size).toBe(5);
    expect([...(await source.read(1, 2))]).toEqual([2, 3]);
    expect([...(await source.read(3, 10))]).toEqual([4, 5]);
    expect((await source.read(9, 2)).length).toBe(0);
  });

  it('feeds the analysers as it does in the worker', async () => {
    const zip = zipSync({ 'a.ttf': new Uint8Array(4) });
    const a = await analyseInstaller(blobSource(new Blob([zip])), 'fonts.zip');
    expect(a.suggestions.find((s) => s.field === 'NestedInstallerType')?.value).toBe('font');
  });
});

describe('readExact', () => {
  it('says where the file ends', async () => {
    await expect(readExact(bytesSource(new Uint8Array(10)), 8, 4, 'The header')).rejects.toThrow(
      'The header should be at bytes 8–12, but the file ends at byte 10: it is truncated or damaged',
    );
  });
});

describe('lazy reading', () => {
  it('lists a zip with a large stored entry by reading only its directory', async () => {
    const zip = zipSync({ 'big.bin': [new Uint8Array(8 << 20), { level: 0 }], 'Setup.exe': new Uint8Array(3) });
    const inner = bytesSource(zip);
    let read = 0;
    const counting = { size: inner.size, read: async (o: number, l: number) => ((read += l), inner.read(o, l)) };
    const a = await analyseInstaller(counting, 'big.zip');
    expect(a.entries?.length).toBe(2);
    expect(read).toBeLessThan(100_000);
  });
});
