import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflatedZeros } from '../../../test/bad-input/deflate-zeros';
import { writeZip } from '../../../test/bad-input/zip-writer';
import { craftPe } from '../../../test/installers/craft-pe';
import { analyseInstaller } from './index';
import { bytesSource } from './byte-source';
import { listZip, readZipEntry } from './zip-reader';

/* Archives whose directory says one thing and whose bytes another. */

describe('readZipEntry', () => {
  it('stops inflating an entry whose directory understates its size, without inflating it whole', async () => {
    const zeros = deflatedZeros(768);
    const source = bytesSource(writeZip([{ path: 'a.xml', data: zeros.data, method: 8, size: 4096, crc: zeros.crc }]));
    const [entry] = await listZip(source);
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    await expect(readZipEntry(source, entry!, 16 << 20)).rejects.toThrow('The zip is damaged: a.xml inflates to more than the 4096 bytes its directory says');
    // One inflate step is at most ~16 MiB of output; inflating the whole entry took seconds and 768 MiB.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
  });

  it('still reads an entry of many inflate steps', async () => {
    let x = 7;
    const noise = Uint8Array.from({ length: 3 << 20 }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x >>> 24));
    const source = bytesSource(zipSync({ 'noise.bin': noise }));
    const [entry] = await listZip(source);
    // Compared as one Buffer: a deep equal of three million elements takes seconds.
    expect(Buffer.compare(await readZipEntry(source, entry!, 16 << 20), noise)).toBe(0);
  });
});

describe('analyseInstaller on packages and zips that lie', () => {
  it('says an .msix without AppxManifest.xml is a broken package, not a zip of nothing', async () => {
    const bytes = zipSync({ 'AppxBlockMap.xml': strToU8('<BlockMap />'), 'app/Tool.exe': craftPe() });
    for (const name of ['app.msix', 'renamed.zip']) {
      const analysis = await analyseInstaller(bytesSource(bytes), name);
      expect(analysis.error).toBe('This zip is not an MSIX/APPX package: it has no AppxManifest.xml');
    }
  });

  it('never suggests a nested file whose path leaves the archive, and says why', async () => {
    const analysis = await analyseInstaller(bytesSource(zipSync({ '../../setup.exe': craftPe() })), 'tool.zip');
    expect(analysis.suggestions.map((s) => s.field)).toEqual(['InstallerType']);
    expect(analysis.notes).toContain("One entry has a path outside the archive's folder (../../setup.exe), which winget cannot use as a nested file.");
  });
});
