// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeManifestSet } from '../../core/model/write-set';
import { createDocumentStore } from '../../document/store';
import { validatorReady } from '../../document/validator';
import { DocumentStoreProvider } from '../../document/use-editor';
import { exampleManifests } from '../../../test/shared-paths';
import { PreviewView } from './preview-view';
import { FONT_FOLDER, fontManifestFiles } from '../../../test/font-fixtures';

afterEach(cleanup);

function renderWith(files: { name: string; data: Uint8Array }[]) {
  const store = createDocumentStore({ validateDelayMs: 0 });
  expect(store.importFiles(files).ok).toBe(true);
  store.flushValidation();
  render(
    <DocumentStoreProvider store={store}>
      <PreviewView />
    </DocumentStoreProvider>,
  );
  return store;
}

beforeAll(async () => {
  await validatorReady;
});

describe('PreviewView', () => {
  for (const example of exampleManifests().filter((e) => /Obsidian|WinSCP\/5|Chrome/.test(e.folder))) {
    it(`shows ${example.folder} exactly as it is written`, () => {
      const store = renderWith(example.files);
      const { set, manifestVersion } = store.getState();
      const written = writeManifestSet(set, { manifestVersion });
      expect(screen.getByText(written.folder)).toBeTruthy();
      for (const file of written.files) {
        const region = screen.getByRole('region', { name: file.name });
        expect(region.textContent).toBe(file.text);
      }
      expect(screen.getAllByRole('region')).toHaveLength(written.files.length);
    });
  }

  it('shows a font package in its folder under fonts/', () => {
    renderWith(fontManifestFiles().map((f) => ({ name: f.name, data: new TextEncoder().encode(f.data) })));
    expect(screen.getByText(FONT_FOLDER)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'JetBrains.JetBrainsMono.installer.yaml' }).textContent).toContain('NestedInstallerType: font');
  });

  it('follows edits and warns that a set with errors would still be written', async () => {
    const example = exampleManifests().find((e) => e.folder.includes('Obsidian'))!;
    const store = renderWith(example.files);
    expect(screen.queryByText(/validation error/)).toBeNull();
    await act(async () => {
      store.updateSet((set) => ({ ...set, defaultLocale: { ...set.defaultLocale, ShortDescription: '' } }));
      store.flushValidation();
    });
    expect(screen.getByRole('note').textContent).toMatch(/validation error.*would still write/);
    const { set, manifestVersion } = store.getState();
    const file = writeManifestSet(set, { manifestVersion }).files.find((f) => f.name.includes('.locale.en-US'))!;
    const region = screen.getByRole('region', { name: file.name });
    expect(region.textContent).toBe(file.text);
    expect(region.textContent).not.toMatch(/ShortDescription/);
    expect(within(region.parentElement!).getByRole('button', { name: `Copy ${file.name}` })).toBeTruthy();
  });
});
