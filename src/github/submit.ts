import { manifestFolder } from '../core/repo/paths';
import { gitHubMessage, isAbort, toGitHubError } from './errors';
import { ensureFork, type Fork, type ForkWaitOptions } from './fork';
import { isManifestFileOf, locatePackage, type BlobIndex } from './packages';
import { pullRequestBody, pullRequestTemplate, submissionKind, submissionTitle } from './preflight';
import { replacedOnFork, replacedVersion, replacementTitle } from './replace-version';
import { defaultBranchHead, filesInFolder, repoName, type BranchHead, type RepoRef } from './repository';
import {
  attemptBranch, BRANCH_DETAIL, openPullRequestFrom, pullRequestAfterFailure, pushBranch, removeBranch,
  type FoundPullRequest, type MadeCommit,
} from './recovery';
import { spellingProblem } from './spelling';
import { StepTracker } from './steps';
import type { Transport } from './transport';
import {
  GitHubError, type SubmissionAttempt, type SubmissionInput, type SubmissionResult, type SubmissionStep, type TokenInfo,
} from './types';

export interface SubmitContext {
  t: Transport;
  upstream: RepoRef;
  blobs: BlobIndex;
  forkWait: ForkWaitOptions;
  tokenInfo: () => Promise<TokenInfo>;
}

/**
 * What one pull request writes and says. Every kind of change (new files, an update, a replace, a removal) is
 * planned as one of these and sent by the same steps of `submitChange`.
 */
export interface ChangePlan {
  title: string;
  body: string;
  branch: string;
  files: readonly { path: string; text: string }[];
  /** Paths to delete from the upstream head tree, the commit's base: each one a file that tree was seen to have. */
  deletions: readonly string[];
  /** The deletions read from the fork's own head tree, for when the commit has to be built there instead. */
  forkDeletions: (fork: Fork) => Promise<string[]>;
}

/** Plans the change on `head` during the checks step; refuses with a GitHubError. */
export type ChangePlanner = (head: BranchHead) => Promise<ChangePlan>;

function checkInput(input: SubmissionInput): void {
  const folder = manifestFolder(input.root, input.identifier, input.version);
  if (input.files.length === 0) throw new GitHubError('validation', 'There are no manifest files to submit.');
  const seen = new Set<string>();
  for (const file of input.files) {
    const name = file.path.slice(folder.length);
    if (!file.path.startsWith(folder) || name === '' || /[/\\]/.test(name) || !name.toLowerCase().endsWith('.yaml')) {
      throw new GitHubError('validation', `${file.path} is not inside ${folder}. Every file must sit in the version's folder; fix PackageIdentifier or PackageVersion.`);
    }
    if (seen.has(file.path.toLowerCase())) throw new GitHubError('validation', `${file.path} appears twice. Remove the duplicate.`);
    seen.add(file.path.toLowerCase());
  }
}

/** Ref names may not hold spaces, `~^:?*[\`, `..` or end in `.lock`; winget versions occasionally do. */
export function branchName(identifier: string, version: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const random = Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
  const safe = `${identifier}-${version}`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[.-]+/, '');
  return `${safe}-${random}`;
}

function isWorkflowRefusal(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  const data = (error as { response?: { data?: unknown } }).response?.data;
  return (status === 422 || status === 403) && /workflow/i.test(gitHubMessage(data));
}

function compareUrl(htmlUrl: string, base: string, fork: RepoRef, upstream: RepoRef, branch: string, title: string, body: string): string {
  const head = fork.repo === upstream.repo ? `${fork.owner}:${branch}` : `${fork.owner}:${fork.repo}:${branch}`;
  const query = `expand=1&title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
  return `${htmlUrl}/compare/${encodeURIComponent(base)}...${encodeURIComponent(head).replaceAll('%3A', ':')}?${query}`;
}

/** The files of one package version as a pull request: a new package or version, an update, or a replace. */
async function planSubmission(ctx: SubmitContext, input: SubmissionInput, head: BranchHead): Promise<ChangePlan> {
  const { t, upstream } = ctx;
  checkInput(input);
  const location = await locatePackage(t, upstream, input.identifier, ctx.blobs, head, input.root);
  const problem = spellingProblem(input.identifier, input.version, location);
  if (problem) throw new GitHubError('validation', problem.message);
  const { pkg } = location;
  const replaced = replacedVersion(pkg, input);
  const kind = submissionKind(pkg, input.version);
  const title = replacementTitle(submissionTitle(kind, input.identifier, input.version), replaced?.version);
  const body = pullRequestBody(await pullRequestTemplate(t, upstream));
  // Updating a version replaces its folder: files the new set no longer has are removed.
  const keep = new Set(input.files.map((f) => f.path));
  const stale = pkg?.versions.find((v) => v.version === input.version)?.files.filter((p) => !keep.has(p)) ?? [];
  // A replace deletes every file the replaced folder has in this tree (not only the manifests), so none is left.
  const replacedFiles = replaced ? await filesInFolder(t, upstream, head.treeSha, replaced.folder) : [];
  return {
    title,
    body,
    branch: branchName(input.identifier, input.version),
    files: input.files,
    deletions: [...stale, ...replacedFiles],
    forkDeletions: async (fork) => {
      // The fork's copy of the version folder may differ from upstream's (older, or missing), so what to delete
      // comes from the fork's own tree, the base of this commit.
      const onFork = await filesInFolder(t, fork, fork.head.treeSha, manifestFolder(input.root, input.identifier, input.version));
      const forkStale = onFork.filter((p) => !keep.has(p) && isManifestFileOf(p.slice(p.lastIndexOf('/') + 1), input.identifier));
      return [...forkStale, ...(replaced ? await replacedOnFork(t, fork, replaced) : [])];
    },
  };
}

export function submit(
  ctx: SubmitContext,
  input: SubmissionInput,
  onStep: (steps: SubmissionStep[]) => void,
  signal?: AbortSignal,
  attempt?: SubmissionAttempt,
): Promise<SubmissionResult> {
  return submitChange(ctx, (head) => planSubmission(ctx, input, head), onStep, signal, attempt);
}

/** Reported when an earlier attempt's pull request turns out to be open: what it made is the result. */
function earlierResult(steps: StepTracker, pull: FoundPullRequest, branch: string): SubmissionResult {
  for (const id of ['blobs', 'tree', 'commit', 'branch'] as const) steps.skip(id, 'Already made by the earlier attempt.');
  steps.start('pull-request');
  steps.done(`#${pull.number}, opened by the earlier attempt (GitHub’s answer was lost)`);
  return { kind: 'pull-request', url: pull.url, number: pull.number, title: pull.title, branch };
}

/**
 * Checks, then fork → blobs → tree → commit → branch → pull request. A write that got no answer is looked up
 * before anything else is done (recovery.ts); on failure the branch this attempt pushed is removed, unless its
 * pull request may be open. `attempt` carries the branch name across retries, so a retry finds and reuses what an
 * earlier attempt made and ends with exactly one pull request.
 */
export async function submitChange(
  ctx: SubmitContext,
  plan: ChangePlanner,
  onStep: (steps: SubmissionStep[]) => void,
  signal?: AbortSignal,
  attempt: SubmissionAttempt = {},
): Promise<SubmissionResult> {
  const { t, upstream } = ctx;
  const steps = new StepTracker(onStep);
  const request = { signal };
  const stopIfAborted = () => {
    if (signal?.aborted) throw new GitHubError('network', 'The submission was cancelled.');
  };
  /** What this attempt may have left on the fork, for the cleanup after a failure. */
  let left: { fork: RepoRef; branch: string; state: 'made' | 'maybe' } | undefined;
  /** Set when opening the pull request failed and whether it is open could not be found out. */
  let pullRequestUnknown = false;
  let token: TokenInfo | undefined;
  try {
    steps.start('checks');
    token = await ctx.tokenInfo();
    // The change is planned on the very tree the commit builds on, so every deletion names a file that tree has
    // (GitHub refuses to delete a path that does not exist).
    const head = await defaultBranchHead(t, upstream, signal);
    const change = await plan(head);
    const { title, body } = change;
    const branch = attemptBranch(attempt, change.branch);
    const earlier = attempt.forkOwner !== undefined;
    steps.done(title);

    stopIfAborted();
    steps.start('upstream');
    // Read with the checks above; reported here so the steps still say which commit the change builds on.
    steps.done(`${repoName(upstream)} ${head.defaultBranch} at ${head.commitSha.slice(0, 7)}`);

    steps.start('fork');
    const fork = await ensureFork(t, upstream, token.login, ctx.forkWait, signal);
    // An earlier attempt sent the branch, so its pull request may be open (its answer lost): find out first.
    const open = earlier ? await openPullRequestFrom(t, upstream, fork.owner, branch) : undefined;
    steps.done(`${repoName(fork)}${fork.created ? ' (created)' : ''}`);
    if (open) return earlierResult(steps, open, branch);

    steps.start('blobs');
    const entries: { path: string; mode: '100644'; type: 'blob'; sha: string | null }[] = [];
    for (const [i, file] of change.files.entries()) {
      stopIfAborted();
      steps.progress(`${i + 1} of ${change.files.length}`);
      const blob = await t.call(`the file ${file.path}`, (o) =>
        o.rest.git.createBlob({ ...fork, content: file.text, encoding: 'utf-8', request }),
      );
      entries.push({ path: file.path, mode: '100644', type: 'blob', sha: blob.data.sha });
    }
    if (change.files.length === 0) steps.skip('blobs', 'Nothing to upload: this pull request only deletes files.');
    else steps.done(`${change.files.length} files`);

    const deletionsOf = (paths: readonly string[]) => paths.map((path) => ({ path, mode: '100644' as const, type: 'blob' as const, sha: null }));

    const commitOn = async (baseTree: string, parent: string, tree: typeof entries): Promise<MadeCommit> => {
      steps.start('tree');
      const created = await t.call('the folder tree', (o) => o.rest.git.createTree({ ...fork, base_tree: baseTree, tree, request }));
      steps.done();
      steps.start('commit');
      const commit = await t.call('the commit', (o) =>
        o.rest.git.createCommit({ ...fork, message: title, tree: created.data.sha, parents: [parent], request }),
      );
      steps.done(commit.data.sha.slice(0, 7));
      return { sha: commit.data.sha, tree: created.data.sha, parents: [parent] };
    };
    const made = await commitOn(head.treeSha, head.commitSha, [...entries, ...deletionsOf(change.deletions)]);

    stopIfAborted();
    steps.start('branch');
    const subject = `the branch ${branch} on ${repoName(fork)}`;
    const push = async (commit: MadeCommit) => {
      // From here on the branch may exist, whatever the answer: the record says where to look, the cleanup may run.
      attempt.forkOwner = fork.owner;
      left = { fork, branch, state: 'maybe' };
      const outcome = await pushBranch(t, fork, branch, commit, earlier, signal);
      left = outcome.made ? { fork, branch, state: 'made' } : undefined;
      return outcome;
    };
    let pushed = await push(made);
    if (!pushed.made && isWorkflowRefusal(pushed.error)) {
      // The upstream head carries workflow changes the fork lacks, and pushing them needs the workflow scope:
      // build the same change on the fork's own head instead.
      steps.skip('branch', 'Your fork is behind and the token lacks the workflow scope; building on your fork instead.');
      const onFork = await commitOn(fork.head.treeSha, fork.head.commitSha, [...entries, ...deletionsOf(await change.forkDeletions(fork))]);
      steps.start('branch');
      pushed = await push(onFork);
    }
    if (!pushed.made) throw toGitHubError(pushed.error, t.errorContext(subject));
    steps.done(`${fork.owner}:${branch}${BRANCH_DETAIL[pushed.how]}`);

    stopIfAborted();
    steps.start('pull-request');
    try {
      const pr = await t.call(`a pull request on ${repoName(upstream)}`, (o) =>
        o.rest.pulls.create({
          ...upstream,
          title,
          body,
          head: `${fork.owner}:${branch}`,
          base: head.defaultBranch,
          maintainer_can_modify: true,
          request,
        }),
      );
      steps.done(`#${pr.data.number}`);
      return { kind: 'pull-request', url: pr.data.html_url, number: pr.data.number, title, branch };
    } catch (error) {
      if (error instanceof GitHubError && error.kind === 'forbidden' && token.kind === 'fine-grained') {
        const reason =
          'GitHub does not let a fine-grained token open a pull request on a repository you do not own. The branch is pushed; open the prefilled compare page and click “Create pull request”.';
        steps.skip('pull-request', reason);
        const url = compareUrl(head.htmlUrl, head.defaultBranch, fork, upstream, branch, title, body);
        return { kind: 'compare', url, branch, title, reason };
      }
      // No answer does not mean no pull request: GitHub may have opened it. It is the result if it is there.
      const after = await pullRequestAfterFailure(t, upstream, fork.owner, branch, error);
      if (after.pull) {
        steps.done(`#${after.pull.number} (opened, though GitHub’s answer was lost)`);
        return { kind: 'pull-request', url: after.pull.url, number: after.pull.number, title: after.pull.title, branch };
      }
      pullRequestUnknown = !after.known;
      throw error;
    }
  } catch (caught) {
    const error = isAbort(caught) ? new GitHubError('network', 'The submission was cancelled.') : toGitHubError(caught, t.errorContext('the submission'));
    if (error.kind === 'forbidden' && token?.kind === 'fine-grained') {
      error.kind = 'fine-grained';
      error.userMessage = `${error.userMessage} Fine-grained tokens often cannot do this on a repository you do not own; a classic token with the public_repo scope can.`;
    }
    steps.fail(error.userMessage);
    if (left && pullRequestUnknown) {
      error.userMessage = `${error.userMessage} GitHub may have opened the pull request before the connection failed, and looking for it failed too. The branch ${left.branch} is kept so that such a pull request stays open; Retry looks for it first and opens one only if there is none.`;
    } else if (left) await removeBranch(t, left.fork, left.branch, steps, error, left.state);
    steps.skipRest('Stopped after the failure above.');
    throw error;
  }
}
