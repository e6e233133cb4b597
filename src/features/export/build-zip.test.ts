import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manifestSetsEqual } from '../../core/model/equal';
import type { ManifestSet } from '../../core/model/types';
import { setManifestVersion } from '../../core/model/upgrade';
import { writeManifestSet } from '../../core/model/write-set';
import { validateManifest } from '../../core/validate/validate-manifest';
import { exampleManifests } from '../../../test/shared-paths';
import { buildManifestZip } from './build-zip';
import { exportBlocker, zipFileName } from './export-names';
import { FONT_FOLDER, fontManifestFiles } from '../../../test/font-fixtures';

const TARGET = '1.12.0';

function originalSet(files: { name: string; data: Uint8Array }[]): ManifestSet {
  const result = validateManifest(files);
  expect(result.set, result.findings.map((f) => `${f.file}:${f.line} ${f.message}`).join('\n')).toBeDefined();
  return result.set!;
}

describe('buildManifestZip', () => {
  for (const example of exampleManifests()) {
    it(`writes ${example.folder} as the preview's files under the repository folder`, () => {
      const set = originalSet(example.files);
      const written = writeManifestSet(set, { manifestVersion: TARGET });
      const zip = buildManifestZip(set, TARGET);
      const entries = unzipSync(zip.data);

      const id = String(set.version.PackageIdentifier);
      const version = String(set.version.PackageVersion);
      expect(zip.fileName).toBe(`${id}-${version}.zip`);
      expect(written.folder.startsWith(`manifests/${id[0]!.toLowerCase()}/`)).toBe(true);
      expect(written.folder.endsWith(`/${version}/`)).toBe(true);
      expect(Object.keys(entries).sort()).toEqual(written.files.map((f) => `${written.folder}${f.name}`).sort());
      expect(zip.paths).toEqual(written.files.map((f) => f.path));
      for (const file of written.files) {
        const bytes = entries[`${written.folder}${file.name}`]!;
        expect(bytes).toEqual(strToU8(file.text));
        expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      }
    });

    it(`reads ${example.folder} back from the zip as the same package`, () => {
      const set = originalSet(example.files);
      const entries = unzipSync(buildManifestZip(set, TARGET).data);
      const reread = validateManifest(
        Object.entries(entries).map(([path, data]) => ({ name: path.slice(path.lastIndexOf('/') + 1), data, path })),
      );
      expect(reread.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(manifestSetsEqual(reread.set!, setManifestVersion(set, TARGET).set)).toBe(true);
    });
  }
});

describe('buildManifestZip for a font package', () => {
  it('puts the files under fonts/, where winget-pkgs keeps fonts, and they read back without a path warning', () => {
    const set = originalSet(fontManifestFiles().map((f) => ({ name: f.name, data: strToU8(f.data) })));
    const zip = buildManifestZip(set, '1.28.0');
    expect(zip.fileName).toBe('JetBrains.JetBrainsMono-2.304.zip');
    expect(zip.paths).toEqual([
      `${FONT_FOLDER}JetBrains.JetBrainsMono.yaml`,
      `${FONT_FOLDER}JetBrains.JetBrainsMono.installer.yaml`,
      `${FONT_FOLDER}JetBrains.JetBrainsMono.locale.en-US.yaml`,
    ]);
    const entries = unzipSync(zip.data);
    expect(Object.keys(entries).sort()).toEqual([...zip.paths].sort());
    const reread = validateManifest(Object.entries(entries).map(([path, data]) => ({ name: path.slice(path.lastIndexOf('/') + 1), data, path })));
    expect(reread.findings).toEqual([]);
  });
});

describe('export names and blockers', () => {
  const base = originalSet(exampleManifests().find((e) => e.files.length > 1)!.files);
  const withIdentity = (id: string, version: string): ManifestSet => ({
    ...base,
    version: { ...base.version, PackageIdentifier: id, PackageVersion: version },
  });

  it('needs PackageIdentifier and PackageVersion', () => {
    expect(exportBlocker(withIdentity('', ''))).toMatch(/PackageIdentifier and PackageVersion/);
    expect(exportBlocker(withIdentity('', '1.0'))).toMatch(/PackageIdentifier/);
    expect(exportBlocker(withIdentity('Foo.Bar', ' '))).toMatch(/PackageVersion/);
    expect(exportBlocker(withIdentity('Foo.Bar', '1.0'))).toBeUndefined();
  });

  it('keeps the zip name a plain file name', () => {
    expect(zipFileName(withIdentity('Foo.Bar', '1.0.0-beta'))).toBe('Foo.Bar-1.0.0-beta.zip');
    expect(zipFileName(withIdentity('Foo/Bar', '1:0'))).toBe('Foo_Bar-1_0.zip');
  });
});
