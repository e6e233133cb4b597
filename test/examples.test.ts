import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { WRITABLE_MANIFEST_VERSIONS } from '../src/core/manifest-version';
import { manifestSetsEqual } from '../src/core/model/equal';
import { setManifestVersion } from '../src/core/model/upgrade';
import { writeManifestSet } from '../src/core/model/write-set';
import { readManifestFile } from '../src/core/read/read-file';
import { validateManifest } from '../src/core/validate/validate-manifest';
import { exampleManifests, SCHEMAS_DIR } from './shared-paths';

const examples = exampleManifests();

function officialValidator(type: string, version: string) {
  const file = path.join(SCHEMAS_DIR, `v${version}`, `manifest.${type}.${version}.json`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
}

describe.each(examples.map((e) => [e.folder, e] as const))('%s', (_folder, example) => {
  const original = validateManifest(example.files.map((f) => ({ name: f.name, data: f.data, path: f.path })));

  it('validates with no error', () => {
    const errors = original.findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
    expect(original.set).toBeDefined();
  });

  for (const manifestVersion of WRITABLE_MANIFEST_VERSIONS) {
    it(`read → write ${manifestVersion} → read gives the same model, and the files pass the official schema`, () => {
      const written = writeManifestSet(original.set!, { manifestVersion });
      expect(written.folder).toBe(`${example.folder}/`);
      const reread = validateManifest(written.files.map((f) => ({ name: f.name, data: f.text, path: f.path })));
      expect(reread.findings.filter((f) => f.severity === 'error')).toEqual([]);
      // Same package version; only ManifestVersion moves (nothing the examples use is dropped by it).
      const upgraded = setManifestVersion(original.set!, manifestVersion);
      expect(upgraded.dropped).toEqual([]);
      expect(manifestSetsEqual(upgraded.set, reread.set!)).toBe(true);
      for (const file of written.files) {
        const parsed = readManifestFile({ name: file.name, data: file.text });
        expect(parsed.manifestVersion).toBe(manifestVersion);
        const validate = officialValidator(parsed.manifestType!, manifestVersion);
        expect(validate(parsed.value), `${file.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
      // Canonical output is a fixed point: writing what was written changes nothing.
      const again = writeManifestSet(reread.set!, { manifestVersion });
      expect(again.files.map((f) => f.text)).toEqual(written.files.map((f) => f.text));
    });
  }
});
