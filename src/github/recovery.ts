/**
 * Finding out what GitHub did when a write got no answer. A request whose connection dropped, or that timed out,
 * may have been carried out all the same: acting again blindly would push a second branch or open a second pull
 * request. So after such a failure the submission looks (reads are always safe to repeat) and goes on from what
 * is there. Blobs, trees and commits need none of this: they are content-addressed, and redoing one is harmless.
 */
import { gitHubMessage, toGitHubError } from './errors';
import { repoName, type RepoRef } from './repository';
import type { StepTracker } from './steps';
import type { Transport } from './transport';
import { GitHubError, type SubmissionAttempt } from './types';

/**
 * Whether a failed write may still have happened: no answer at all (a dropped connection, a timeout, a cancel) or
 * a server error, after which GitHub may or may not have done it. A refusal (4xx) means it did not.
 */
export function outcomeUnknown(error: unknown): boolean {
  const kind = toGitHubError(error).kind;
  return kind === 'network' || kind === 'server';
}

/**
 * GitHub's 422 for a branch or pull request that is already there: something made it, be it a lost answer of ours
 * or a browser resending a request whose connection dropped (Chromium does so on a reused connection).
 */
export function saysAlreadyExists(error: unknown): boolean {
  if ((error as { status?: unknown }).status !== 422) return false;
  const text = error instanceof GitHubError ? error.userMessage : gitHubMessage((error as { response?: { data?: unknown } }).response?.data);
  return /already exists/i.test(text);
}

/** The suffix `branchName` adds; two names that differ only in it belong to the same package version. */
const RANDOM_SUFFIX = /-[a-z0-9]{6}$/;

/**
 * The branch this attempt pushes: the earlier attempts' one when they were for the same package version (so a
 * retry finds what they made), else the newly planned one, which starts the record afresh.
 */
export function attemptBranch(attempt: SubmissionAttempt, planned: string): string {
  if (attempt.branch === undefined || attempt.branch.replace(RANDOM_SUFFIX, '') !== planned.replace(RANDOM_SUFFIX, '')) {
    attempt.branch = planned;
    delete attempt.forkOwner;
  }
  return attempt.branch;
}

/** The commit a branch points at; undefined when there is no such branch. */
export async function branchSha(t: Transport, fork: RepoRef, branch: string): Promise<string | undefined> {
  try {
    const ref = await t.octokit.rest.git.getRef({ ...fork, ref: `heads/${branch}` });
    return ref.data.object.sha;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw toGitHubError(error, t.errorContext(`the branch ${branch} on ${repoName(fork)}`));
  }
}

export interface FoundPullRequest {
  number: number;
  url: string;
  title: string;
}

/**
 * The open pull request from `owner:branch`, if any. GitHub filters by `head` only in that form (a bare branch
 * name is silently ignored and lists everything), so the answer is checked against the head as well.
 */
export async function openPullRequestFrom(t: Transport, upstream: RepoRef, owner: string, branch: string): Promise<FoundPullRequest | undefined> {
  const res = await t.call(`the open pull requests of ${repoName(upstream)}`, (o) =>
    o.rest.pulls.list({ ...upstream, head: `${owner}:${branch}`, state: 'open', per_page: 10 }),
  );
  const pull = res.data.find((p) => p.head.ref === branch && p.head.repo?.owner.login.toLowerCase() === owner.toLowerCase());
  return pull ? { number: pull.number, url: pull.html_url, title: pull.title } : undefined;
}

/**
 * After opening the pull request failed: whether it is open all the same. `known: false` when that could not be
 * found out; the branch must then stay, since deleting a pull request's head branch closes the pull request.
 */
export async function pullRequestAfterFailure(
  t: Transport,
  upstream: RepoRef,
  owner: string,
  branch: string,
  error: unknown,
): Promise<{ pull?: FoundPullRequest; known: boolean }> {
  if (!outcomeUnknown(error) && !saysAlreadyExists(error)) return { known: true };
  try {
    const pull = await openPullRequestFrom(t, upstream, owner, branch);
    return pull ? { pull, known: true } : { known: true };
  } catch {
    return { known: false };
  }
}

export interface MadeCommit {
  sha: string;
  tree: string;
  parents: string[];
}

export type BranchOutcome =
  /** created: as asked; found: made though the answer was lost; reused/moved: an earlier attempt's branch. */
  | { made: true; sha: string; how: 'created' | 'found' | 'reused' | 'moved' }
  /** Nothing of ours is there: `error` says why (a refusal, or a failure GitHub is known not to have acted on). */
  | { made: false; error: unknown };

/**
 * Creates the branch, or finds it when a lost answer (or a resend) made it already. `earlier`: an earlier attempt
 * of this submission may have pushed it, so a branch of that name holding another commit is ours to take over.
 * Throws a GitHubError only when what is there could not be found out.
 */
export async function pushBranch(
  t: Transport,
  fork: RepoRef,
  branch: string,
  commit: MadeCommit,
  earlier: boolean,
  signal?: AbortSignal,
): Promise<BranchOutcome> {
  try {
    await t.octokit.rest.git.createRef({ ...fork, ref: `refs/heads/${branch}`, sha: commit.sha, request: { signal } });
    return { made: true, sha: commit.sha, how: 'created' };
  } catch (error) {
    if (!outcomeUnknown(error) && !saysAlreadyExists(error)) return { made: false, error };
    // The look-ups run without the caller's signal: after a cancel they still tell what to clean up.
    const existing = await branchSha(t, fork, branch);
    if (existing === undefined) return { made: false, error };
    // Refused as existing before any answer was lost: the earlier attempt's push (same tree, parent and second).
    if (existing === commit.sha) return { made: true, sha: existing, how: earlier && saysAlreadyExists(error) ? 'reused' : 'found' };
    const subject = `the branch ${branch} on ${repoName(fork)}`;
    if (!earlier) {
      return { made: false, error: new GitHubError('conflict', `${subject} already exists and holds another commit; it is left alone. Try again.`) };
    }
    const old = await t.call(subject, (o) => o.rest.git.getCommit({ ...fork, commit_sha: existing }));
    const parents = old.data.parents.map((p) => p.sha);
    if (old.data.tree.sha === commit.tree && parents.join() === commit.parents.join()) return { made: true, sha: existing, how: 'reused' };
    // The earlier attempt built on an older head (or another base): the branch is this submission's own, so it
    // is moved to the new commit rather than left behind.
    await t.call(subject, (o) => o.rest.git.updateRef({ ...fork, ref: `heads/${branch}`, sha: commit.sha, force: true, request: { signal } }));
    return { made: true, sha: commit.sha, how: 'moved' };
  }
}

export const BRANCH_DETAIL: Record<Extract<BranchOutcome, { made: true }>['how'], string> = {
  created: '',
  found: ' (made, though GitHub’s answer was lost)',
  reused: ' (pushed by the earlier attempt)',
  moved: ' (pushed by the earlier attempt, moved to this commit)',
};

/**
 * Deletes the branch this attempt pushed (or may have pushed: `maybe`), so nothing half-made stays behind; says
 * in the error's message what became of it.
 */
export async function removeBranch(
  t: Transport,
  fork: RepoRef,
  branch: string,
  steps: StepTracker,
  error: GitHubError,
  state: 'made' | 'maybe',
): Promise<void> {
  steps.start('cleanup', `${fork.owner}:${branch}`);
  try {
    await t.octokit.rest.git.deleteRef({ ...fork, ref: `heads/${branch}` });
    steps.done(`Removed ${fork.owner}:${branch}`);
    error.userMessage = `${error.userMessage} The half-made branch was removed, so trying again starts clean.`;
  } catch (caught) {
    const status = (caught as { status?: unknown }).status;
    // GitHub answers 422 "Reference does not exist": the request that would have made it never did.
    if (state === 'maybe' && (status === 422 || status === 404)) {
      steps.done('Nothing to remove: the branch was never made.');
      return;
    }
    steps.fail(`Could not remove ${fork.owner}:${branch}; Retry reuses it.`);
    error.userMessage = `${error.userMessage} The branch ${branch} on ${repoName(fork)} could not be removed; Retry reuses it (or delete it on GitHub).`;
  }
}
