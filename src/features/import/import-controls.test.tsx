// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentStore, type DocumentStore } from '../../document/store';
import { DocumentStoreProvider } from '../../document/use-editor';
import { exampleManifests } from '../../../test/shared-paths';
import { importStore } from './import-store';
import { ManifestFilesInput, PageDropZone } from './index';

const multi = exampleManifests().filter((e) => e.files.length > 1);

afterEach(() => {
  cleanup();
  importStore.update({ busy: false, choice: undefined, report: undefined, notice: undefined });
});

function setup(withDropZone: boolean): DocumentStore {
  const store = createDocumentStore();
  const input = <ManifestFilesInput />;
  render(
    <DocumentStoreProvider store={store}>
      {withDropZone ? <PageDropZone>{input}<p>page</p></PageDropZone> : input}
    </DocumentStoreProvider>,
  );
  return store;
}

function choose(files: File[]) {
  const input = screen.getByLabelText('Manifest files') as HTMLInputElement;
  expect(input.type).toBe('file');
  expect(input.multiple).toBe(true);
  expect(input.accept).toBe('.yaml,.yml,.zip');
  fireEvent.change(input, { target: { files } });
}

describe('Manifest files', () => {
  it('opens a set as a new draft', async () => {
    const store = setup(false);
    const example = multi[0]!;
    choose(example.files.map((f) => new File([new Uint8Array(f.data)], f.name)));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Imported /));
    expect(store.getState().set.version.PackageIdentifier).toBe(example.folder.split('/').slice(2, -1).join('.'));
  });

  it('shows what went wrong, with file and line, and leaves the draft alone', async () => {
    const store = setup(true);
    const before = store.getState().set;
    choose([new File(['PackageIdentifier: Foo\n\tTabs: are not YAML\n'], 'Foo.yaml')]);
    const dialog = await screen.findByRole('dialog', { name: /Could not import/ });
    expect(dialog.textContent).toMatch(/Foo\.yaml, line \d+/);
    expect(dialog.textContent).toMatch(/left unchanged/);
    expect(store.getState().set).toBe(before);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lets the user pick one of several manifests in a zip, the first by default', async () => {
    const store = setup(true);
    const entries: Zippable = {};
    for (const e of multi.slice(0, 2)) for (const f of e.files) entries[f.path] = f.data;
    choose([new File([zipSync(entries)], 'two.zip')]);
    const dialog = await screen.findByRole('dialog', { name: 'Choose a manifest to import' });
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.checked)).toEqual([true, false]);
    expect(dialog.textContent).toContain(multi[0]!.folder);
    fireEvent.click(radios[1]!);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Import' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().set.version.PackageIdentifier).toBe(multi[1]!.folder.split('/').slice(2, -1).join('.'));
  });
});

describe('PageDropZone', () => {
  function drop(files: File[]) {
    const items = files.map((file) => ({ kind: 'file', type: '', getAsFile: () => file, webkitGetAsEntry: () => null }));
    const event = new Event('drop', { bubbles: true, cancelable: true }) as Event & { dataTransfer: unknown };
    event.dataTransfer = { items, files, types: ['Files'] };
    act(() => {
      screen.getByText('page').dispatchEvent(event);
    });
    return event;
  }

  it('imports dropped manifest files', async () => {
    const store = setup(true);
    const example = multi[1]!;
    const event = drop(example.files.map((f) => new File([new Uint8Array(f.data)], f.name)));
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(store.getState().set.version.PackageVersion).toBe(example.folder.split('/').at(-1)));
  });

  it('lets installer drops pass untouched', () => {
    const store = setup(true);
    const before = store.getState();
    const event = drop([new File(['MZ'], 'setup.exe')]);
    expect(event.defaultPrevented).toBe(false);
    expect(store.getState()).toBe(before);
  });
});
