import { describe, expect, it } from 'vitest';
import type { ManifestSet } from '../core/model/types';
import { createDocumentStore } from './store';

type Obj = Record<string, unknown>;

function filled(set: ManifestSet): ManifestSet {
  for (const file of [set.version, set.installer, set.defaultLocale] as Obj[]) {
    file.PackageIdentifier = 'Contoso.Widget';
    file.PackageVersion = '1.2.0';
  }
  const installer = set.installer as Obj;
  installer.InstallerType = 'exe';
  installer.Installers = [
    { Architecture: 'x64', InstallerUrl: 'https://example.com/widget.exe', InstallerSha256: 'A'.repeat(64) },
  ];
  Object.assign(set.defaultLocale as Obj, {
    Publisher: 'Contoso',
    PackageName: 'Widget',
    License: 'MIT',
    ShortDescription: 'A widget.',
  });
  return set;
}

async function newStore() {
  const store = createDocumentStore({ validateDelayMs: 0 });
  store.updateSet(filled);
  await store.flushValidation();
  return store;
}

const textOf = (store: Awaited<ReturnType<typeof newStore>>, key: string) => store.getState().files.find((f) => f.key === key)!.text;

describe('document store', () => {
  it('starts as a new manifest at 1.12.0 with en-US and one installer', async () => {
    const store = createDocumentStore();
    const { set, manifestVersion, files } = store.getState();
    expect(manifestVersion).toBe('1.12.0');
    expect((set.version as Obj).DefaultLocale).toBe('en-US');
    expect((set.installer as Obj).Installers).toHaveLength(1);
    expect(files.map((f) => f.key)).toEqual(['version', 'installer', 'defaultLocale']);
  });

  it('names files by the identifier and validates the set', async () => {
    const store = await newStore();
    const { files, findings } = store.getState();
    expect(files.map((f) => f.name)).toEqual([
      'Contoso.Widget.yaml',
      'Contoso.Widget.installer.yaml',
      'Contoso.Widget.locale.en-US.yaml',
    ]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(store.getState().draftName).toBe('Contoso.Widget 1.2.0');
  });

  it('rewrites only the file whose value a form edit changed', async () => {
    const store = await newStore();
    const before = store.getState().files;
    store.updateSet((set) => {
      (set.defaultLocale as Obj).ShortDescription = 'A better widget.';
      return set;
    });
    const after = store.getState().files;
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]!.text).toContain('ShortDescription: A better widget.');
  });

  it('carries an identity edit to every file', async () => {
    const store = await newStore();
    store.updateSet((set) => {
      (set.version as Obj).PackageVersion = '1.3.0';
      return set;
    });
    for (const file of store.getState().files) expect(file.text).toContain('PackageVersion: 1.3.0');
  });

  it('reads YAML that parses into the model and bumps externalRevision', async () => {
    const store = await newStore();
    const revision = store.getState().externalRevision;
    const text = textOf(store, 'defaultLocale').replace('PackageName: Widget', 'PackageName: Gadget');
    store.setFileText('defaultLocale', text);
    const state = store.getState();
    expect((state.set.defaultLocale as Obj).PackageName).toBe('Gadget');
    expect(state.externalRevision).toBe(revision + 1);
    expect(textOf(store, 'defaultLocale')).toBe(text);
  });

  it('keeps broken YAML verbatim, locates the error and leaves the model alone', async () => {
    const store = await newStore();
    const model = store.getState().set;
    const broken = `${textOf(store, 'installer')}Installers: [unclosed\n`;
    store.setFileText('installer', broken);
    let file = store.getState().files[1]!;
    expect(file.text).toBe(broken);
    expect(file.parseFindings.length).toBeGreaterThan(0);
    expect(file.parseFindings[0]!.line).toBeGreaterThan(0);
    expect(store.getState().set).toBe(model);
    // A form edit elsewhere never overwrites the broken text.
    store.updateSet((set) => {
      (set.version as Obj).PackageVersion = '9.9.9';
      return set;
    });
    file = store.getState().files[1]!;
    expect(file.text).toBe(broken);
    await store.flushValidation();
    expect(store.getState().findings.some((f) => f.file === file.name && f.rule === 'yaml-syntax')).toBe(true);
  });

  it('keeps comments the user wrote through a form edit', async () => {
    const store = await newStore();
    const text = textOf(store, 'defaultLocale')
      .replace('Publisher: Contoso', 'Publisher: Contoso # the legal name')
      .replace('License: MIT', '# checked with legal\nLicense: MIT');
    store.setFileText('defaultLocale', text);
    store.updateSet((set) => {
      Object.assign(set.defaultLocale as Obj, { ShortDescription: 'Changed.', Author: 'Jane' });
      return set;
    });
    const out = textOf(store, 'defaultLocale');
    expect(out).toContain('Publisher: Contoso # the legal name');
    expect(out).toContain('# checked with legal\nLicense: MIT');
    expect(out).toContain('ShortDescription: Changed.');
    expect(out.indexOf('Author: Jane')).toBeLessThan(out.indexOf('License: MIT'));
  });

  it('refreshes findings after edits', async () => {
    const store = await newStore();
    store.updateSet((set) => {
      (set.defaultLocale as Obj).Publisher = '';
      return set;
    });
    await store.flushValidation();
    const missing = store.getState().findings.filter((f) => f.severity === 'error');
    expect(missing.some((f) => f.field === 'Publisher' || f.message.includes('Publisher'))).toBe(true);
    store.updateSet((set) => {
      (set.defaultLocale as Obj).Publisher = 'Contoso';
      return set;
    });
    await store.flushValidation();
    expect(store.getState().findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('adds and removes a locale, and follows a version change', async () => {
    const store = await newStore();
    store.addLocale('fr-FR', true);
    let state = store.getState();
    expect(state.files.map((f) => f.name)).toContain('Contoso.Widget.locale.fr-FR.yaml');
    expect((state.set.locales[0] as Obj).ShortDescription).toBe('A widget.');
    store.setManifestVersion('1.28.0');
    state = store.getState();
    for (const file of state.files) expect(file.text).toContain('ManifestVersion: 1.28.0');
    store.removeLocale('fr-FR');
    expect(store.getState().files).toHaveLength(3);
  });

  it('imports a set as a new draft and sends a finding to its view', async () => {
    const store = await newStore();
    const files = store.getState().files.map((f) => ({ name: f.name, data: f.text }));
    const id = store.getState().draftId;
    store.newManifest();
    expect(store.importFiles(files).ok).toBe(true);
    const state = store.getState();
    expect(state.draftId).not.toBe(id);
    expect((state.set.version as Obj).PackageIdentifier).toBe('Contoso.Widget');
    store.focusFinding({ severity: 'error', rule: 'x', message: 'm', file: state.files[1]!.name, line: 3, column: 1, field: '' });
    expect(store.getState().view).toBe('yaml');
    expect(store.getState().activeFileKey).toBe('installer');
    expect(store.importFiles([{ name: 'x.yaml', data: 'not: [valid' }]).ok).toBe(false);
  });
});
