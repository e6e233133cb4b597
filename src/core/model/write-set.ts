/**
 * The files of one package version exactly as export, preview and pull requests write them: installers
 * hoisted, one ManifestVersion throughout, files in a stable order under their repository folder.
 */
import { DEFAULT_MANIFEST_VERSION } from '../manifest-version';
import { repositoryRoot } from '../repo/font-package';
import { manifestFileName, manifestFolder, type RepositoryRoot } from '../repo/paths';
import type { ManifestType } from '../schema';
import { writeManifestFile } from '../yaml/write';
import { normalizeInstallerManifest } from './installers';
import type { ManifestSet } from './types';
import { setManifestVersion } from './upgrade';

export interface WriteSetOptions {
  /** Move the set to this ManifestVersion first (fields it does not know are dropped). */
  manifestVersion?: string;
  eol?: 'lf' | 'crlf';
  generator?: string;
}

export interface WrittenFile {
  name: string;
  /** `manifests/<letter>/…/<version>/<name>`, or `fonts/…` for a font package. */
  path: string;
  text: string;
}

function stringField(value: unknown, key: string): string {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : '';
}

export function writeManifestSet(
  set: ManifestSet,
  options: WriteSetOptions = {},
): { root: RepositoryRoot; folder: string; files: WrittenFile[] } {
  const current = stringField(set.version, 'ManifestVersion') || DEFAULT_MANIFEST_VERSION;
  const target = options.manifestVersion ?? current;
  const files = setManifestVersion(set, target).set;
  const id = stringField(files.version, 'PackageIdentifier');
  // Judged at the version written: the `font` installer type exists only from 1.12.0 on.
  const root = repositoryRoot(files.installer, target);
  const folder = manifestFolder(root, id, stringField(files.version, 'PackageVersion'));
  const fileOptions = {
    manifestVersion: target,
    ...(options.eol ? { eol: options.eol } : {}),
    ...(options.generator ? { generator: options.generator } : {}),
  };

  const out: WrittenFile[] = [];
  const add = (type: ManifestType, value: unknown, name: string): void => {
    out.push({ name, path: folder + name, text: writeManifestFile(type, value as Record<string, unknown>, fileOptions) });
  };
  add('version', files.version, manifestFileName(id, 'version'));
  add('installer', normalizeInstallerManifest(files.installer), manifestFileName(id, 'installer'));
  add('defaultLocale', files.defaultLocale, manifestFileName(id, 'defaultLocale', stringField(files.defaultLocale, 'PackageLocale')));
  const locales = [...files.locales].sort((a, b) => {
    const ta = stringField(a, 'PackageLocale');
    const tb = stringField(b, 'PackageLocale');
    return ta.toLowerCase() < tb.toLowerCase() ? -1 : ta.toLowerCase() > tb.toLowerCase() ? 1 : ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  for (const locale of locales) {
    add('locale', locale, manifestFileName(id, 'locale', stringField(locale, 'PackageLocale')));
  }
  return { root, folder, files: out };
}
