import { describe, expect, it } from 'vitest';
import { groupProblems } from '../core/validate/problems';
import { createDocumentStore } from './store';
import { changedPaths, valueAt } from './todo';
import { isUntouchedDraft } from './untouched';

type Obj = Record<string, unknown>;

async function freshStore() {
  const store = createDocumentStore({ validateDelayMs: 0 });
  await store.flushValidation();
  return store;
}

const fields = (list: readonly { field: string }[]) => [...new Set(list.map((f) => f.field))].sort();

describe('changedPaths', () => {
  it('names the leaves that changed, a blank and an absent value being the same', () => {
    expect(changedPaths({ A: '', B: 'x', L: [{ C: 1 }] }, { B: 'y', L: [{ C: 1 }, { C: 2, D: '' }] }).sort()).toEqual(['B', 'L[1].C']);
    expect(changedPaths({ A: 'x' }, {})).toEqual(['A']);
  });

  it('reads a value at a finding path', () => {
    expect(valueAt({ Installers: [{ InstallerSwitches: { Silent: '/S' } }] }, 'Installers[0].InstallerSwitches.Silent')).toBe('/S');
    expect(valueAt({ Installers: [] }, 'Installers[0].InstallerUrl')).toBeUndefined();
  });
});

describe('To do items', () => {
  it('a new manifest has no errors: its empty required fields are To do, one per field', async () => {
    const store = await freshStore();
    const { findings, todo } = store.getState();
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(fields(todo)).toEqual([
      'Installers[0].InstallerSha256', 'Installers[0].InstallerType', 'Installers[0].InstallerUrl',
      'License', 'PackageIdentifier', 'PackageName', 'PackageVersion', 'Publisher', 'ShortDescription',
    ]);
    // PackageIdentifier is missing in three files: one item.
    expect(groupProblems(todo)).toHaveLength(9);
  });

  it('a wrong value is an error at once; a filled field leaves the list', async () => {
    const store = await freshStore();
    store.updateSet((set) => {
      (set.version as Obj).PackageIdentifier = 'not valid';
      (set.defaultLocale as Obj).Publisher = 'Contoso';
      return set;
    });
    await store.flushValidation();
    const { findings, todo } = store.getState();
    expect(findings.some((f) => f.severity === 'error' && f.field === 'PackageIdentifier')).toBe(true);
    expect(fields(todo)).not.toContain('PackageIdentifier');
    expect(fields(todo)).not.toContain('Publisher');
  });

  it('a field typed in and erased again is an error, the others stay To do', async () => {
    const store = await freshStore();
    const setPublisher = (value: string) => store.updateSet((set) => ({ ...set, defaultLocale: { ...set.defaultLocale, Publisher: value } }));
    setPublisher('C');
    setPublisher('');
    await store.flushValidation();
    const { findings, todo } = store.getState();
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.field)).toEqual(['Publisher']);
    expect(fields(todo)).toContain('License');
  });

  it('a stored draft keeps what was typed in and asked for: loaded again (a reload), erased fields are still errors', async () => {
    const store = await freshStore();
    store.updateSet((set) => ({ ...set, defaultLocale: { ...set.defaultLocale, Publisher: 'C' } }));
    store.updateSet((set) => ({ ...set, defaultLocale: { ...set.defaultLocale, Publisher: '' } }));
    const typed = store.snapshot();
    const reloaded = await freshStore();
    reloaded.load(typed);
    await reloaded.flushValidation();
    expect(reloaded.getState().findings.filter((f) => f.severity === 'error').map((f) => f.field)).toEqual(['Publisher']);
    expect(fields(reloaded.getState().todo)).toContain('License');

    store.revealTodo();
    const asked = store.snapshot();
    const again = await freshStore();
    again.load(asked);
    await again.flushValidation();
    expect(again.getState().todo).toEqual([]);
    // A draft stored before the To do state was kept (no todoProgress) starts with none typed in.
    const { todoProgress: _dropped, ...old } = asked;
    again.load({ ...old, draftId: 'older' });
    await again.flushValidation();
    expect(fields(again.getState().todo)).toContain('Publisher');
  });

  it('YAML edits count as typing in the fields they change', async () => {
    const store = await freshStore();
    const file = store.getState().files.find((f) => f.key === 'defaultLocale')!;
    store.setFileText('defaultLocale', `${file.text}License: ''\n`);
    store.setFileText('defaultLocale', file.text.replace('PackageLocale: en-US', 'PackageLocale: en-US\nLicense: MIT'));
    store.setFileText('defaultLocale', file.text);
    await store.flushValidation();
    expect(store.getState().findings.filter((f) => f.severity === 'error').map((f) => f.field)).toEqual(['License']);
  });

  it('asking for an export or a pull request makes every To do item an error, until another draft opens', async () => {
    const store = await freshStore();
    const before = store.getState().todo.length;
    store.revealTodo();
    expect(store.getState().todo).toEqual([]);
    expect(store.getState().findings.filter((f) => f.severity === 'error')).toHaveLength(before);
    store.newManifest();
    await store.flushValidation();
    expect(store.getState().todo).toHaveLength(before);
    expect(store.getState().findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('isUntouchedDraft', () => {
  it('holds for a new manifest (at any ManifestVersion) until anything is edited, even if erased again', async () => {
    const store = await freshStore();
    expect(isUntouchedDraft(store.getState())).toBe(true);
    store.setManifestVersion('1.28.0');
    expect(isUntouchedDraft(store.getState())).toBe(true);
    store.updateSet((set) => ({ ...set, version: { ...set.version, PackageIdentifier: 'C' } }));
    expect(isUntouchedDraft(store.getState())).toBe(false);
    store.updateSet((set) => ({ ...set, version: { ...set.version, PackageIdentifier: '' } }));
    expect(isUntouchedDraft(store.getState())).toBe(false);
    store.newManifest();
    expect(isUntouchedDraft(store.getState())).toBe(true);
  });

  it('does not hold for imported files or a comment typed in the YAML', async () => {
    const store = await freshStore();
    const file = store.getState().files[0]!;
    store.setFileText(file.key, `${file.text}# a note\n`);
    expect(isUntouchedDraft(store.getState())).toBe(false);
    store.newManifest();
    store.importFiles([{ name: 'a.yaml', data: 'PackageIdentifier: A.B\nPackageVersion: 1.0\nPackageLocale: en-US\nPublisher: A\nPackageName: B\nLicense: MIT\nShortDescription: S\nInstallers:\n- Architecture: x64\n  InstallerType: exe\n  InstallerUrl: https://e.x/a.exe\n  InstallerSha256: ' + 'A'.repeat(64) + '\nManifestType: singleton\nManifestVersion: 1.0.0\n' }]);
    expect(isUntouchedDraft(store.getState())).toBe(false);
  });
});
