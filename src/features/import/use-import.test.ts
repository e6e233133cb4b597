import { strToU8, zipSync, type Zippable } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../document/store';
import { exampleManifests } from '../../../test/shared-paths';
import { importStore } from './import-store';
import { importCandidate, importSources } from './use-import';

const examples = exampleManifests();
const multi = examples.filter((e) => e.files.length > 1);
const blob = (data: Uint8Array | string) => new Blob([typeof data === 'string' ? strToU8(data) : new Uint8Array(data)]);

beforeEach(() => importStore.update({ busy: false, choice: undefined, report: undefined, notice: undefined }));

describe('importSources', () => {
  it('imports a chosen set as a new draft and says so', async () => {
    const store = createDocumentStore();
    const before = store.getState().draftId;
    await importSources(store, multi[0]!.files.map((f) => ({ path: f.name, file: blob(f.data) })), 'choose');
    expect(store.getState().draftId).not.toBe(before);
    expect(importStore.getState().notice).toMatch(/^Imported /);
    expect(importStore.getState().report).toBeUndefined();
  });

  it('keeps the current draft when the files are not YAML, and says where', async () => {
    const store = createDocumentStore();
    store.updateSet((set) => ({ ...set, version: { ...set.version, PackageIdentifier: 'Keep.Me' } }));
    const before = store.getState();
    await importSources(store, [{ path: 'Broken.yaml', file: blob('PackageIdentifier: Foo\n  bad: [indent\n') }], 'choose');
    expect(store.getState().draftId).toBe(before.draftId);
    expect(store.getState().set).toBe(before.set);
    const report = importStore.getState().report!;
    expect(report.failed).toBe(true);
    expect(report.problems[0]).toMatchObject({ file: 'Broken.yaml', severity: 'error' });
    expect(report.problems[0]!.line).toBeGreaterThan(0);
  });

  it('keeps the current draft when a set is incomplete', async () => {
    const store = createDocumentStore();
    const before = store.getState();
    const installerOnly = multi[0]!.files.filter((f) => f.name.endsWith('.installer.yaml'));
    await importSources(store, installerOnly.map((f) => ({ path: f.name, file: blob(f.data) })), 'choose');
    expect(store.getState().set).toBe(before.set);
    expect(importStore.getState().report?.failed).toBe(true);
  });

  it('asks which manifest to take from a zip holding several, and takes the one chosen', async () => {
    const store = createDocumentStore();
    const entries: Zippable = {};
    for (const e of multi.slice(0, 3)) for (const f of e.files) entries[f.path] = f.data;
    await importSources(store, [{ path: 'three.zip', file: blob(zipSync(entries)) }], 'choose');
    const choice = importStore.getState().choice!;
    expect(choice.candidates).toHaveLength(3);
    const second = choice.candidates[1]!;
    importCandidate(store, second, choice.problems);
    expect(importStore.getState().choice).toBeUndefined();
    expect(`${String(store.getState().set.version.PackageIdentifier)} ${String(store.getState().set.version.PackageVersion)}`).toBe(second.label);
  });

  it('stays quiet about a dropped installer zip', async () => {
    const store = createDocumentStore();
    await importSources(store, [{ path: 'portable.zip', file: blob(zipSync({ 'tool.exe': strToU8('MZ') })) }], 'drop');
    expect(importStore.getState().report).toBeUndefined();
    expect(importStore.getState().busy).toBe(false);
  });

  it('reports an unreadable zip by name', async () => {
    const store = createDocumentStore();
    await importSources(store, [{ path: 'set.zip', file: blob('not a zip at all') }], 'choose');
    expect(importStore.getState().report?.problems[0]).toMatchObject({ file: 'set.zip', severity: 'error' });
  });
});
