import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manifestSetsEqual } from '../../core/model/equal';
import { validateManifest } from '../../core/validate/validate-manifest';
import { deflatedZeros } from '../../../test/bad-input/deflate-zeros';
import { writeZip } from '../../../test/bad-input/zip-writer';
import { exampleManifests, type ExampleManifest } from '../../../test/shared-paths';
import { collectCandidates, type SourceFile } from './read-sources';

const examples = exampleManifests();

function zipOf(...sets: ExampleManifest[]): Zippable {
  const entries: Zippable = {};
  for (const set of sets) for (const file of set.files) entries[file.path] = file.data;
  return entries;
}

function source(path: string, data: Uint8Array | string): SourceFile {
  return { path, file: new Blob([typeof data === 'string' ? strToU8(data) : new Uint8Array(data)]) };
}

describe('reading a zip of a set', () => {
  for (const example of examples) {
    it(`finds ${example.folder} in a zip, byte for byte, as the same package`, async () => {
      const zip = zipSync(zipOf(example));
      const { candidates, problems } = await collectCandidates([source('set.zip', zip)]);
      expect(problems).toEqual([]);
      expect(candidates).toHaveLength(1);
      const [candidate] = candidates;
      expect(candidate!.files.map((f) => f.name)).toEqual(example.files.map((f) => f.name).sort());
      for (const file of example.files) {
        expect(candidate!.files.find((f) => f.name === file.name)!.data).toEqual(file.data);
      }
      const parts = example.folder.split('/');
      expect(candidate!.label).toBe(`${parts.slice(2, -1).join('.')} ${parts.at(-1)}`);
      const original = validateManifest(example.files).set!;
      const imported = validateManifest(candidate!.files).set!;
      expect(manifestSetsEqual(imported, original)).toBe(true);
    });
  }

  it('offers every manifest of a zip holding several, in folder order', async () => {
    const picked = [examples[3]!, examples[0]!, examples[7]!];
    const zip = zipSync({ ...zipOf(...picked), 'README.md': strToU8('not a manifest'), 'manifests/': new Uint8Array() });
    const { candidates } = await collectCandidates([source('many.zip', zip)]);
    expect(candidates.map((c) => c.source)).toEqual(picked.map((e) => `many.zip: ${e.folder}/`).sort());
    expect(candidates.every((c) => c.files.every((f) => /\.ya?ml$/.test(f.name)))).toBe(true);
  });

  it('skips macOS resource forks', async () => {
    const example = examples.find((e) => e.files.length === 3)!;
    const entries = zipOf(example);
    entries[`__MACOSX/${example.files[0]!.path.replace(/[^/]+$/, '._x.yaml')}`] = strToU8('\u0000\u0005binary');
    const { candidates } = await collectCandidates([source('mac.zip', zipSync(entries))]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.files).toHaveLength(3);
  });

  it('reports a zip it cannot read, naming the file', async () => {
    const { candidates, problems } = await collectCandidates([source('broken.zip', 'PK\u0003\u0004 not really a zip')]);
    expect(candidates).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ file: 'broken.zip', severity: 'error', message: expect.stringMatching(/zip/) })]);
  });

  it('reports a chosen zip without YAML, but is quiet about one dropped (an installer zip)', async () => {
    const zip = zipSync({ 'bin/tool.exe': strToU8('MZ') });
    expect((await collectCandidates([source('tool.zip', zip)])).problems).toHaveLength(1);
    expect((await collectCandidates([source('tool.zip', zip)], { quietNonManifestZips: true })).problems).toEqual([]);
  });
});

describe('zips that lie or hold too much', () => {
  const zeros = deflatedZeros(32);

  it('refuses an entry too large to be a manifest by its directory, without inflating it', async () => {
    const zip = writeZip([{ path: 'x/Big.yaml', data: zeros.data, method: 8, size: zeros.size, crc: zeros.crc }]);
    const { candidates, problems } = await collectCandidates([source('big.zip', zip)]);
    expect(candidates).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ file: 'big.zip/x/Big.yaml', severity: 'error', message: expect.stringMatching(/too large to be a manifest \(32 MiB unpacked\)/) })]);
  });

  it('reports an entry that inflates past its stated size at the entry, and keeps the others', async () => {
    const example = examples.find((e) => e.files.length === 3)!;
    const liar = { path: `${example.folder}/Liar.yaml`, data: zeros.data, method: 8 as const, size: 100, crc: zeros.crc };
    const zip = writeZip([...example.files.map((f) => ({ path: f.path, data: f.data })), liar]);
    const { candidates, problems } = await collectCandidates([source('set.zip', zip)]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.files).toHaveLength(3);
    expect(problems).toEqual([expect.objectContaining({ file: `set.zip/${liar.path}`, message: expect.stringContaining('inflates to more than the 100 bytes') })]);
  });

  it('says a zip holding only zips is not opened further', async () => {
    const inner = zipSync(zipOf(examples[0]!));
    const { problems } = await collectCandidates([source('outer.zip', zipSync({ 'inner.zip': inner }))]);
    expect(problems).toEqual([expect.objectContaining({ file: 'outer.zip', message: expect.stringContaining('only other zips') })]);
  });
});

describe('grouping chosen and dropped files', () => {
  it('keeps loose files together and sets other files aside', async () => {
    const example = examples.find((e) => e.files.length === 4)!;
    const { candidates, ignored } = await collectCandidates([
      ...example.files.map((f) => source(f.name, f.data)),
      source('setup.exe', 'MZ'),
    ]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.source).toBe('Chosen files');
    const parts = example.folder.split('/');
    expect(candidates[0]!.label).toBe(`${parts.slice(2, -1).join('.')} ${parts.at(-1)}`);
    expect(ignored).toEqual(['setup.exe']);
  });

  it('splits a dropped folder tree into one manifest per version folder', async () => {
    const picked = examples.slice(0, 3);
    const sources = picked.flatMap((e) => e.files.map((f) => source(`winget-pkgs/${f.path}`, f.data)));
    const { candidates } = await collectCandidates(sources.reverse());
    expect(candidates.map((c) => c.source)).toEqual(picked.map((e) => `winget-pkgs/${e.folder}/`).sort());
  });
});
