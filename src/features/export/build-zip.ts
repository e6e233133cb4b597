import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ManifestSet } from '../../core/model/types';
import { writeManifestSet } from '../../core/model/write-set';
import { zipFileName } from './export-names';

export interface ManifestZip {
  /** `<PackageIdentifier>-<PackageVersion>.zip`. */
  fileName: string;
  /** Repository paths of the entries, in the order they were written. */
  paths: string[];
  data: Uint8Array<ArrayBuffer>;
}

/**
 * The zip holds exactly what the preview shows: the same writer, the same text, UTF-8 without a BOM, each file
 * under the repository folder so the archive can be unpacked straight into a winget-pkgs clone.
 */
export function buildManifestZip(set: ManifestSet, manifestVersion: string): ManifestZip {
  const written = writeManifestSet(set, { manifestVersion });
  const entries: Zippable = {};
  const paths: string[] = [];
  for (const file of written.files) {
    const path = `${written.folder}${file.name}`;
    entries[path] = strToU8(file.text);
    paths.push(path);
  }
  return { fileName: zipFileName(set), paths, data: zipSync(entries) };
}
