/**
 * A published version's files turned into the files of the next version's draft. The validator is loaded on
 * demand, as the document layer does, so it stays out of the first page load.
 */
import { compareManifestVersions } from '../../core/manifest-version';
import type { WritableManifestVersion } from '../../core/manifest-version';
import { expandInstallers } from '../../core/model/installers';
import { nextVersionDraftName, prepareNextVersion } from '../../core/model/next-version';
import { writeManifestSet } from '../../core/model/write-set';
import type { RepoFile } from '../../github/types';
import type { NextVersionBaseline } from './next-version-baseline';

export interface NextVersionFiles {
  files: { name: string; data: string }[];
  draftName: string;
  baseline: NextVersionBaseline;
  /** The version file's name, where PackageVersion is asked for first. */
  versionFileName: string;
}

/** The ManifestVersion to write: the chosen one, never lower than the previous version's. */
export function targetManifestVersion(previous: string, chosen: WritableManifestVersion): string {
  return compareManifestVersions(previous, chosen) > 0 ? previous : chosen;
}

export async function nextVersionFiles(files: RepoFile[], manifestVersion: WritableManifestVersion): Promise<NextVersionFiles> {
  const { validateManifest } = await import('../../core/validate/validate-manifest');
  const read = validateManifest(files.map((f) => ({ name: f.name, data: f.text, path: f.path })));
  if (!read.set) {
    const first = read.findings.find((f) => f.severity === 'error');
    throw new Error(`The published files do not make one manifest${first ? `: ${first.message}` : '.'}`);
  }
  const previous = read.set;
  const next = prepareNextVersion(previous, { manifestVersion: targetManifestVersion(read.manifestVersion, manifestVersion) });
  const written = writeManifestSet(next.set);
  const identifier = String(previous.version.PackageIdentifier ?? '');
  return {
    files: written.files.map((f) => ({ name: f.name, data: f.text })),
    draftName: nextVersionDraftName(previous),
    versionFileName: written.files[0]?.name ?? `${identifier}.yaml`,
    baseline: {
      identifier,
      previousVersion: String(previous.version.PackageVersion ?? ''),
      previousInstallers: expandInstallers(previous.installer),
    },
  };
}
