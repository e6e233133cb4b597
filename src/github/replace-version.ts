/**
 * Replace: a new version of a package whose commit also deletes the version it was made from, for packages whose
 * old installers are gone (the same URL now serves the new release). What Komac's `update --replace` and
 * wingetcreate's `update --replace` do: one commit that adds the new folder and deletes the old one.
 *
 * The title. Neither tool marks a replace there: Komac's `add_version` (russellbanks/Komac src/github/client.rs)
 * and wingetcreate's `GetPRTitle` (microsoft/winget-create src/WingetCreateCLI/Commands/BaseCommand.cs) keep the
 * usual "New version: <id> version <v>". A winget-pkgs moderator explains that its pipelines treat removing one
 * version and adding another of the same package in one pull request as a move of one manifest (comments on
 * microsoft/winget-pkgs#154319 and #366100). Reviewers should still see that a version goes away, so Wingsmith
 * keeps the standard prefix the repository's tooling reads and appends "(replaces <old>)": our own wording, the
 * same as the installer matcher's "(replaces X)" hint.
 */
import { filesInFolder } from './repository';
import type { Fork } from './fork';
import type { Transport } from './transport';
import { GitHubError, type PackageInfo, type PackageVersionRef, type SubmissionInput } from './types';

/** `New version: A.B version 2.0 (replaces 1.0)`; the title unchanged when nothing is replaced. */
export function replacementTitle(title: string, replaced: string | undefined): string {
  return replaced === undefined ? title : `${title} (replaces ${replaced})`;
}

/** The version a submission replaces, as the repository lists it; refuses one that cannot be replaced. */
export function replacedVersion(pkg: PackageInfo | undefined, input: SubmissionInput): PackageVersionRef | undefined {
  const wanted = input.replaceVersion;
  if (wanted === undefined) return undefined;
  const without = 'Open the pull request without replacing a version.';
  if (!pkg) {
    throw new GitHubError('validation', `${input.identifier} is not in the repository, so there is no version ${wanted} to replace. ${without}`);
  }
  if (wanted.toLowerCase() === input.version.toLowerCase()) {
    throw new GitHubError('validation', `Version ${wanted} cannot replace itself: changing a published version is an update. ${without}`);
  }
  const found = pkg.versions.find((v) => v.version === wanted) ?? pkg.versions.find((v) => v.version.toLowerCase() === wanted.toLowerCase());
  if (!found) {
    throw new GitHubError('validation', `${pkg.identifier} has no version ${wanted} in the repository (any more), so it cannot be replaced. ${without}`);
  }
  return found;
}

/**
 * The replaced folder's files on the fork's own tree, for a commit built there. A fork that does not have the
 * version yet cannot delete it, and a "replace" that deletes nothing would be a plain new version in disguise.
 */
export async function replacedOnFork(t: Transport, fork: Fork, replaced: PackageVersionRef): Promise<string[]> {
  const files = await filesInFolder(t, fork, fork.head.treeSha, replaced.folder);
  if (files.length === 0) {
    throw new GitHubError(
      'validation',
      `Your fork ${fork.owner}/${fork.repo} does not have version ${replaced.version} yet, so a commit built on it cannot delete that version. Sync your fork with the target repository on GitHub (or use a token with the workflow scope) and try again.`,
    );
  }
  return files;
}
