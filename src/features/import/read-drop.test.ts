import { describe, expect, it } from 'vitest';
import { scanDrop } from './read-drop';

/** Just enough of the File and Directory Entries API to stand in for what a browser hands a drop handler. */
type FakeEntry = { name: string; fullPath: string; isFile: boolean; isDirectory: boolean } & Record<string, unknown>;

function fileEntry(fullPath: string, content = 'x'): FakeEntry {
  const name = fullPath.slice(fullPath.lastIndexOf('/') + 1);
  return {
    name, fullPath, isFile: true, isDirectory: false,
    file: (ok: (f: File) => void) => ok(new File([content], name)),
  };
}

function dirEntry(fullPath: string, children: FakeEntry[], batch = 2): FakeEntry {
  return {
    name: fullPath.slice(fullPath.lastIndexOf('/') + 1), fullPath, isFile: false, isDirectory: true,
    createReader: () => {
      let at = 0;
      // Hands children out a few at a time, as Chromium does, to check the reader is drained.
      return { readEntries: (ok: (e: FakeEntry[]) => void) => { ok(children.slice(at, at + batch)); at += batch; } };
    },
  };
}

function transfer(items: { entry: FakeEntry | null; file: File | null }[]): DataTransfer {
  const list = items.map(({ entry, file }) => ({ kind: 'file', type: '', webkitGetAsEntry: () => entry, getAsFile: () => file }));
  return { items: list, files: items.map((i) => i.file).filter(Boolean), types: ['Files'] } as unknown as DataTransfer;
}

describe('scanDrop', () => {
  it('leaves installers alone', async () => {
    const scan = scanDrop(transfer([
      { entry: fileEntry('/setup.exe'), file: new File(['MZ'], 'setup.exe') },
      { entry: fileEntry('/app.msi'), file: new File(['x'], 'app.msi') },
    ]));
    expect(scan.relevant).toBe(false);
    expect(await scan.collect()).toEqual([]);
  });

  it('takes the manifest files of a mixed drop and only those', async () => {
    const scan = scanDrop(transfer([
      { entry: fileEntry('/setup.exe'), file: new File(['MZ'], 'setup.exe') },
      { entry: fileEntry('/Foo.Bar.yaml'), file: new File(['a'], 'Foo.Bar.yaml') },
      { entry: null, file: new File(['b'], 'set.ZIP') },
    ]));
    expect(scan.relevant).toBe(true);
    expect((await scan.collect()).map((s) => s.path)).toEqual(['Foo.Bar.yaml', 'set.ZIP']);
  });

  it('walks a dropped folder, keeping relative paths and skipping other files', async () => {
    const tree = dirEntry('/winget-pkgs', [
      dirEntry('/winget-pkgs/manifests', [
        dirEntry('/winget-pkgs/manifests/f', [
          dirEntry('/winget-pkgs/manifests/f/Foo/Bar/1.0', [
            fileEntry('/winget-pkgs/manifests/f/Foo/Bar/1.0/Foo.Bar.yaml'),
            fileEntry('/winget-pkgs/manifests/f/Foo/Bar/1.0/Foo.Bar.installer.yaml'),
            fileEntry('/winget-pkgs/manifests/f/Foo/Bar/1.0/Foo.Bar.locale.en-US.yml'),
            fileEntry('/winget-pkgs/manifests/f/Foo/Bar/1.0/notes.txt'),
          ]),
        ]),
      ]),
      fileEntry('/winget-pkgs/README.md'),
    ]);
    const scan = scanDrop(transfer([{ entry: tree, file: null }]));
    expect(scan.relevant).toBe(true);
    const sources = await scan.collect();
    expect(sources.map((s) => s.path)).toEqual([
      'winget-pkgs/manifests/f/Foo/Bar/1.0/Foo.Bar.yaml',
      'winget-pkgs/manifests/f/Foo/Bar/1.0/Foo.Bar.installer.yaml',
      'winget-pkgs/manifests/f/Foo/Bar/1.0/Foo.Bar.locale.en-US.yml',
    ]);
    expect(await sources[0]!.file.text()).toBe('x');
  });

  it('counts an empty folder as a manifest drop (so the user hears that nothing was found)', async () => {
    const scan = scanDrop(transfer([{ entry: dirEntry('/empty', []), file: null }]));
    expect(scan.relevant).toBe(true);
    expect(await scan.collect()).toEqual([]);
  });
});
