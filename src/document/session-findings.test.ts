import { describe, expect, it } from 'vitest';
import type { ManifestSet } from '../core/model/types';
import { createDocumentStore } from './store';
import type { SessionFinding } from './types';

type Obj = Record<string, unknown>;

function widget(set: ManifestSet): ManifestSet {
  for (const file of [set.version, set.installer, set.defaultLocale] as Obj[]) Object.assign(file, { PackageIdentifier: 'Contoso.Widget', PackageVersion: '1.2.0' });
  (set.installer as Obj).Installers = [
    { Architecture: 'x64', InstallerType: 'exe', InstallerUrl: 'https://example.com/a.exe', InstallerSha256: 'A'.repeat(64) },
    { Architecture: 'x86', InstallerType: 'exe', InstallerUrl: 'https://example.com/b.exe', InstallerSha256: 'B'.repeat(64) },
  ];
  Object.assign(set.defaultLocale as Obj, { Publisher: 'Contoso', PackageName: 'Widget', License: 'MIT', ShortDescription: 'A widget.' });
  return set;
}

const mismatch: SessionFinding = {
  severity: 'warning', rule: 'installers-hash-mismatch', message: 'differs', fileKey: 'installer', path: ['Installers', 1, 'InstallerSha256'],
};

describe('session findings', () => {
  it('join the validation findings, placed at the field in the file, and survive revalidation until withdrawn', async () => {
    const store = createDocumentStore({ validateDelayMs: 0 });
    store.updateSet(widget);
    await store.flushValidation();
    store.setSessionFindings('installer-hashes', [mismatch]);
    const placed = () => store.getState().findings.filter((f) => f.rule === 'installers-hash-mismatch');
    const installerText = store.getState().files.find((f) => f.key === 'installer')!.text;
    const line = installerText.split('\n').findIndex((l) => l.includes('B'.repeat(64))) + 1;
    expect(placed()).toEqual([
      { severity: 'warning', rule: 'installers-hash-mismatch', message: 'differs', file: 'Contoso.Widget.installer.yaml', line, column: expect.any(Number), field: 'Installers[1].InstallerSha256' },
    ]);

    store.updateSet((set) => ({ ...set, defaultLocale: { ...set.defaultLocale, License: 'Apache-2.0' } }));
    await store.flushValidation();
    expect(placed()).toHaveLength(1);

    store.setSessionFindings('installer-hashes', []);
    expect(placed()).toEqual([]);
  });

  it('are let go when the document is replaced', async () => {
    const store = createDocumentStore({ validateDelayMs: 0 });
    store.updateSet(widget);
    store.setSessionFindings('installer-hashes', [mismatch]);
    store.newManifest();
    await store.flushValidation();
    expect(store.getState().findings.some((f) => f.rule === 'installers-hash-mismatch')).toBe(false);
  });
});
