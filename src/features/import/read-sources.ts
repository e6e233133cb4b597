import { MAX_MANIFEST_BYTES } from '../../core/read/limits';
import { parseManifestPath } from '../../core/repo/paths';
import { bytesSource } from '../../installers/analyse/byte-source';
import { listZip, readZipEntry } from '../../installers/analyse/zip-reader';
import { isYamlName, isZipName } from './source-names';

/** A file the user chose or dropped; `path` is relative with `/` separators (just the name for a loose file). */
export interface SourceFile {
  path: string;
  file: Blob;
}

export interface CandidateFile {
  name: string;
  /** Where it came from, e.g. `Foo.zip/manifests/f/Foo/1.0/Foo.yaml`; for messages only. */
  path: string;
  data: Uint8Array;
}

/** One manifest that could be imported: the YAML files of one folder (or the loose files chosen together). */
export interface ManifestCandidate {
  /** Stable key and what the user sees in the chooser under the label. */
  source: string;
  /** `<PackageIdentifier> <PackageVersion>` when known, else the source. */
  label: string;
  files: CandidateFile[];
}

export interface ImportProblem {
  file: string;
  /** 0 when the problem has no line. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CollectOptions {
  /**
   * On a drop, a zip without YAML is most likely an installer (InstallerType zip) meant for the installer files
   * handler: skip it quietly instead of reporting it.
   */
  quietNonManifestZips?: boolean;
}

export interface Collected {
  candidates: ManifestCandidate[];
  problems: ImportProblem[];
  /** Files that are neither YAML nor zip (installers and the like). */
  ignored: string[];
}

/** Manifest zips are a few kilobytes; anything this big is an installer, not something to unpack here. */
export const MAX_MANIFEST_ZIP_BYTES = 64 * 1024 * 1024;
/**
 * What one zip's manifests may add up to once inflated. A zip's directory is what states the sizes, so it is
 * checked before anything is inflated, and the inflater stops at the stated size when the directory lies.
 */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** At most one byte more than the core reads: a huge file is refused by its size, not loaded whole. */
async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, MAX_MANIFEST_BYTES + 1).arrayBuffer());
}

/** Reads the identifier and version from the folder path, else from the files' text (labels only, not parsing). */
function labelFor(folder: string, files: CandidateFile[], fallback: string): string {
  const fromPath = parseManifestPath(`${folder}/`);
  if (fromPath && fromPath.packageIdentifier) return `${fromPath.packageIdentifier} ${fromPath.packageVersion}`;
  const decoder = new TextDecoder('utf-8');
  for (const file of files) {
    const text = decoder.decode(file.data.subarray(0, 4096));
    const id = /^PackageIdentifier:[ \t]*['"]?([^'"\r\n#]+?)['"]?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
    const version = /^PackageVersion:[ \t]*['"]?([^'"\r\n#]+?)['"]?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
    if (id) return version ? `${id} ${version}` : id;
  }
  return fallback;
}

function mib(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}

/**
 * The manifest files of a zip, each refused by its stated size before it is inflated. Only those are read:
 * macOS resource forks look like YAML by name but are not, and a nested zip is not opened.
 */
async function unzipYaml(zipPath: string, data: Uint8Array, problems: ImportProblem[]): Promise<{ files: { path: string; data: Uint8Array }[]; holdsZips: boolean }> {
  const source = bytesSource(data);
  const all = await listZip(source, 'zip');
  const seen = new Set<string>();
  const entries = all.filter((e) => isYamlName(e.path) && !e.path.startsWith('__MACOSX/') && !seen.has(e.path) && seen.add(e.path));
  const out: { path: string; data: Uint8Array }[] = [];
  let total = 0;
  for (const entry of entries) {
    const at = `${zipPath}/${entry.path}`;
    if (entry.size > MAX_MANIFEST_BYTES) {
      problems.push({ file: at, line: 0, severity: 'error', message: `This file is too large to be a manifest (${mib(entry.size)} unpacked); it was not unpacked.` });
      continue;
    }
    total += entry.size;
    if (total > MAX_UNZIPPED_BYTES) {
      problems.push({ file: zipPath, line: 0, severity: 'error', message: `The zip's manifest files are too large together (more than ${mib(MAX_UNZIPPED_BYTES)} unpacked); the rest were not unpacked.` });
      break;
    }
    try {
      out.push({ path: entry.path, data: await readZipEntry(source, entry, MAX_MANIFEST_BYTES, 'zip') });
    } catch (error) {
      problems.push({ file: at, line: 0, severity: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { files: out, holdsZips: all.some((e) => isZipName(e.path)) };
}

/**
 * Sorts chosen or dropped files into importable manifests: YAML files grouped by folder (loose files together),
 * zips unpacked and grouped by the folders inside them. Nothing here parses YAML; the core does that on import.
 */
export async function collectCandidates(sources: readonly SourceFile[], options: CollectOptions = {}): Promise<Collected> {
  const groups = new Map<string, { folder: string; display: string; files: CandidateFile[] }>();
  const problems: ImportProblem[] = [];
  const ignored: string[] = [];
  const add = (key: string, folder: string, display: string, file: CandidateFile) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { folder, display, files: [] }));
    group.files.push(file);
  };

  for (const source of sources) {
    const name = baseName(source.path);
    if (isYamlName(name)) {
      const folder = dirOf(source.path);
      add(`f:${folder}`, folder, folder === '' ? 'Chosen files' : `${folder}/`, { name, path: source.path, data: await bytesOf(source.file) });
    } else if (isZipName(name)) {
      if (source.file.size > MAX_MANIFEST_ZIP_BYTES) {
        if (!options.quietNonManifestZips) {
          problems.push({ file: source.path, line: 0, severity: 'error', message: 'This zip is too large to be a manifest archive (is it an installer?).' });
        }
        continue;
      }
      let unzipped: Awaited<ReturnType<typeof unzipYaml>>;
      const before = problems.length;
      try {
        unzipped = await unzipYaml(source.path, new Uint8Array(await source.file.arrayBuffer()), problems);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push({ file: source.path, line: 0, severity: 'error', message: `Not a readable zip archive (${reason}).` });
        continue;
      }
      const entries = unzipped.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (entries.length === 0) {
        if (!options.quietNonManifestZips && problems.length === before) {
          const message = unzipped.holdsZips ? 'This zip holds no .yaml or .yml files, only other zips, which are not opened: import the inner zip.' : 'This zip holds no .yaml or .yml files.';
          problems.push({ file: source.path, line: 0, severity: 'error', message });
        }
        continue;
      }
      for (const entry of entries) {
        const folder = dirOf(entry.path);
        add(`z:${source.path}\u0000${folder}`, folder, folder === '' ? source.path : `${source.path}: ${folder}/`, {
          name: baseName(entry.path),
          path: `${source.path}/${entry.path}`,
          data: entry.data,
        });
      }
    } else {
      ignored.push(source.path);
    }
  }

  const candidates = [...groups.values()]
    .sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0))
    .map((g) => ({
      source: g.display,
      label: labelFor(g.folder, g.files, g.display),
      files: g.files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    }));
  return { candidates, problems, ignored };
}
