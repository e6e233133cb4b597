/**
 * The dependency check of winget-pkgs' catalog step (the client's PackageDependenciesValidation): every package
 * a manifest depends on must be in the repository, and when the dependency gives a MinimumVersion, the package's
 * newest version must reach it. winget installs dependencies from the same source, so one it cannot find there
 * fails the install of the package itself.
 */
import { REPOSITORY_ROOTS } from '../core/repo/paths';
import type { Installer } from '../core/schema';
import { findPackageAt, type BlobIndex } from './packages';
import type { BranchHead, RepoRef } from './repository';
import type { Transport } from './transport';
import type { DependencyProblem } from './types';
import { compareWingetVersions } from './versions';

export interface PackageDependency {
  identifier: string;
  minimumVersion?: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/**
 * The package dependencies of all installers, one per identifier (matched without case) with the highest
 * MinimumVersion any installer asks for, as the client merges them.
 */
export function packageDependencies(installers: readonly Installer[]): PackageDependency[] {
  const byId = new Map<string, PackageDependency>();
  for (const installer of installers) {
    for (const dependency of installer.Dependencies?.PackageDependencies ?? []) {
      const identifier = str(dependency.PackageIdentifier);
      if (identifier === '') continue;
      const minimumVersion = str(dependency.MinimumVersion);
      const known = byId.get(identifier.toLowerCase());
      if (!known) {
        byId.set(identifier.toLowerCase(), minimumVersion === '' ? { identifier } : { identifier, minimumVersion });
      } else if (minimumVersion !== '' && (known.minimumVersion === undefined || compareWingetVersions(minimumVersion, known.minimumVersion) > 0)) {
        known.minimumVersion = minimumVersion;
      }
    }
  }
  return [...byId.values()];
}

const ROOTS_TEXT = REPOSITORY_ROOTS.map((root) => `${root}/`).join(' nor ');

/** What the repository at `head` lacks of the dependencies of the submitted `installers`. */
export async function dependencyProblems(
  t: Transport,
  ref: RepoRef,
  installers: readonly Installer[],
  blobs: BlobIndex,
  head: BranchHead,
): Promise<DependencyProblem[]> {
  const found = await Promise.all(
    packageDependencies(installers).map(async (dependency) => ({ dependency, pkg: await findPackageAt(t, ref, dependency.identifier, blobs, head) })),
  );
  return found.flatMap(({ dependency: { identifier, minimumVersion }, pkg }): DependencyProblem[] => {
    if (!pkg) {
      return [{
        kind: 'missing',
        identifier,
        message: `The dependency ${identifier} is not in the repository (neither ${ROOTS_TEXT} has it), so winget could not install it with this package. Check its PackageIdentifier, or submit that package first.`,
      }];
    }
    const newest = pkg.versions[0]!.version;
    if (minimumVersion === undefined || compareWingetVersions(minimumVersion, newest) <= 0) return [];
    return [{
      kind: 'minimum-version',
      identifier,
      minimumVersion,
      newestVersion: newest,
      message: `The dependency ${identifier} asks for MinimumVersion ${minimumVersion}, but the newest version in the repository is ${newest}. Lower MinimumVersion, or submit ${identifier} ${minimumVersion} first.`,
    }];
  });
}
