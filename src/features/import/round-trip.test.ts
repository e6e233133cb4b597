import { zipSync, strToU8, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { manifestSetsEqual } from '../../core/model/equal';
import { setManifestVersion } from '../../core/model/upgrade';
import { writeManifestSet } from '../../core/model/write-set';
import { validateManifest } from '../../core/validate/validate-manifest';
import { createDocumentStore } from '../../document/store';
import { validatorReady } from '../../document/validator';
import { exampleManifests } from '../../../test/shared-paths';
import { collectCandidates } from './read-sources';

beforeAll(async () => {
  await validatorReady;
});

describe('import, export, import again', () => {
  for (const example of exampleManifests()) {
    it(`keeps ${example.folder} the same package`, async () => {
      const first = createDocumentStore();
      const sources = example.files.map((f) => ({ path: f.path, file: new Blob([new Uint8Array(f.data)]) }));
      const chosen = (await collectCandidates(sources)).candidates;
      expect(chosen).toHaveLength(1);
      expect(first.importFiles(chosen[0]!.files)).toEqual({ ok: true, findings: [] });
      const imported = first.getState();
      const original = validateManifest(example.files).set!;
      expect(manifestSetsEqual(imported.set, setManifestVersion(original, imported.manifestVersion).set)).toBe(true);

      // What Export zip writes: the preview's files under the repository folder.
      const written = writeManifestSet(imported.set, { manifestVersion: imported.manifestVersion });
      const entries: Zippable = {};
      for (const file of written.files) entries[written.folder + file.name] = strToU8(file.text);
      const zip = new Blob([zipSync(entries)]);

      const second = createDocumentStore();
      const reread = (await collectCandidates([{ path: 'export.zip', file: zip }])).candidates;
      expect(reread).toHaveLength(1);
      expect(second.importFiles(reread[0]!.files).ok).toBe(true);
      expect(second.getState().manifestVersion).toBe(imported.manifestVersion);
      expect(manifestSetsEqual(second.getState().set, imported.set)).toBe(true);
    });
  }
});
