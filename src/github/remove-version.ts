/**
 * Remove a version: a pull request whose one commit deletes one version folder of a package, every file in it,
 * sent by the same steps as any submission (`submitChange`). What Komac's `remove` does; the title follows the
 * repository's convention, the one Komac writes (`UpdateState::RemoveVersion` → "Remove version", formatted
 * "<state>: <id> version <v>" by its CommitTitle) and winget-pkgs' removal pull requests carry.
 */
import { findPackageAt } from './packages';
import { pullRequestBody, pullRequestTemplate } from './preflight';
import { filesInFolder } from './repository';
import { branchName, submitChange, type SubmitContext } from './submit';
import {
  GitHubError,
  HIGHEST_VERSION_REMOVAL_LABEL,
  type PackageInfo,
  type RemovalInput,
  type SubmissionAttempt,
  type SubmissionResult,
  type SubmissionStep,
} from './types';

export function removalTitle(identifier: string, version: string): string {
  return `Remove version: ${identifier} version ${version}`;
}

/**
 * The reason first, as a heading (where Komac puts it, and what moderators look for), then the repository's
 * template, which it asks of every pull request.
 */
export function removalBody(reason: string, template: string | undefined): string {
  return `### Reason for removal\n\n${reason.trim()}\n\n${pullRequestBody(template)}`;
}

export interface RemovalCheck {
  /** Why this version cannot be removed here, and what to do instead. */
  refusal?: string;
  /** The newest version: the repository labels its removal Highest-Version-Removal. */
  highest: boolean;
  /** What removing the newest version means, for the user to confirm. */
  warning?: string;
}

/** What the dialog shows before sending and `removeVersion` enforces on the fresh listing. */
export function removalCheck(pkg: PackageInfo, version: string): RemovalCheck {
  const index = pkg.versions.findIndex((v) => v.version === version);
  if (index < 0) {
    return { highest: false, refusal: `${pkg.identifier} has no version ${version} in the repository (any more). Load the package again.` };
  }
  if (pkg.versions.length === 1) {
    return {
      highest: true,
      refusal: `${version} is the only version of ${pkg.identifier} in the repository: removing it would remove the package, which Wingsmith does not do. To swap it for a new version, use Update existing package and tick “Replace version ${version}” when you open the pull request.`,
    };
  }
  if (index > 0) return { highest: false };
  return {
    highest: true,
    warning: `${version} is the newest version of ${pkg.identifier}. The repository labels a pull request that removes the newest version ${HIGHEST_VERSION_REMOVAL_LABEL} and moderators ask why; afterwards winget offers ${pkg.versions[1]!.version} as the newest.`,
  };
}

export function removeVersion(
  ctx: SubmitContext,
  input: RemovalInput,
  onStep: (steps: SubmissionStep[]) => void,
  signal?: AbortSignal,
  attempt?: SubmissionAttempt,
): Promise<SubmissionResult> {
  const { t, upstream } = ctx;
  return submitChange(ctx, async (head) => {
    const reason = input.reason.trim();
    if (reason === '') throw new GitHubError('validation', 'Give the reason for the removal: the pull request states it, and moderators ask for it.');
    // Both trees (manifests/, fonts/): the user removes a version of a package, whichever kind it is.
    const pkg = await findPackageAt(t, upstream, input.identifier, ctx.blobs, head);
    if (!pkg) throw new GitHubError('not-found', `There is no package ${input.identifier} in the repository.`);
    const target = pkg.versions.find((v) => v.version === input.version) ?? pkg.versions.find((v) => v.version.toLowerCase() === input.version.toLowerCase());
    const check = removalCheck(pkg, target?.version ?? input.version);
    if (!target || check.refusal) throw new GitHubError('validation', check.refusal ?? `${pkg.identifier} has no version ${input.version}.`);
    if (check.highest && input.confirmHighest !== true) {
      throw new GitHubError('validation', `${check.warning ?? ''} Confirm removing the newest version to go on.`.trim());
    }
    // Exactly what this tree has in the folder (every file, not only the manifests), so each deletion is valid.
    const files = await filesInFolder(t, upstream, head.treeSha, target.folder);
    if (files.length === 0) throw new GitHubError('not-found', `The folder ${target.folder} is empty in the repository. Load the package again.`);
    return {
      title: removalTitle(pkg.identifier, target.version),
      body: removalBody(reason, await pullRequestTemplate(t, upstream)),
      branch: branchName(`Remove-${pkg.identifier}`, target.version),
      files: [],
      deletions: files,
      forkDeletions: async (fork) => {
        // Built on the fork's head, the commit can only delete what the fork has.
        const onFork = await filesInFolder(t, fork, fork.head.treeSha, target.folder);
        if (onFork.length === 0) {
          throw new GitHubError(
            'validation',
            `Your fork ${fork.owner}/${fork.repo} does not have ${target.folder} yet, so a commit built on it cannot delete it. Sync your fork with the target repository on GitHub (or use a token with the workflow scope) and try again.`,
          );
        }
        return onFork;
      },
    };
  }, onStep, signal, attempt);
}
