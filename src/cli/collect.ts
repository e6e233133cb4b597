import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_MANIFEST_BYTES } from '../core/read/limits';

/** One manifest found on disk: a singleton file, or the files of one multi-file set (one folder). */
export interface ManifestOnDisk {
  /** What the user named, or the folder the set was found in. */
  path: string;
  files: { name: string; path: string; data: Uint8Array }[];
}

const MANIFEST_FILE = /\.ya?ml$/i;

/**
 * Turns the PATH arguments into manifests, in a stable order. A file stands for itself when it is a
 * singleton or preview manifest, and for its folder's set otherwise (a lone `.installer.yaml` means nothing
 * without its siblings). A folder with YAML files is one manifest; its sub-folders are searched too, so a
 * whole `manifests/` (or `fonts/`) tree can be validated at once.
 */
export async function collectManifests(args: readonly string[]): Promise<{ manifests: ManifestOnDisk[]; missing: string[] }> {
  const manifests: ManifestOnDisk[] = [];
  const missing: string[] = [];
  const seenFolders = new Set<string>();
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info) {
      missing.push(arg);
    } else if (info.isDirectory()) {
      await collectFolder(arg, manifests, seenFolders);
    } else {
      const data = await readManifestBytes(arg);
      if (isSetMember(data)) {
        const folder = path.dirname(arg);
        if (!seenFolders.has(path.resolve(folder))) {
          seenFolders.add(path.resolve(folder));
          manifests.push({ path: folder, files: await readYamlFiles(folder) });
        }
      } else {
        manifests.push({ path: arg, files: [{ name: path.basename(arg), path: arg, data }] });
      }
    }
  }
  return { manifests, missing };
}

async function collectFolder(folder: string, out: ManifestOnDisk[], seen: Set<string>): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const yaml = entries.filter((e) => e.isFile() && MANIFEST_FILE.test(e.name));
  if (yaml.length > 0 && !seen.has(path.resolve(folder))) {
    seen.add(path.resolve(folder));
    out.push({ path: folder, files: await readYamlFiles(folder) });
  }
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
      await collectFolder(path.join(folder, entry.name), out, seen);
    }
  }
}

async function readYamlFiles(folder: string): Promise<ManifestOnDisk['files']> {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && MANIFEST_FILE.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(folder, name);
      return { name, path: file, data: await readManifestBytes(file) };
    }),
  );
}

/** At most one byte more than the core reads: a huge file is refused by its size without being loaded whole. */
async function readManifestBytes(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(Math.min((await handle.stat()).size, MAX_MANIFEST_BYTES + 1));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Cheap look at the ManifestType line: only version/installer/locale files need their siblings. */
function isSetMember(data: Uint8Array): boolean {
  const head = new TextDecoder().decode(data.subarray(0, 64 * 1024)).replace(/\0/g, '');
  return /^\s*ManifestType:\s*['"]?(version|installer|defaultLocale|locale)\b/m.test(head);
}
