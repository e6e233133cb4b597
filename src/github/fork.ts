import { GitHubError } from './types';
import { defaultBranchHead, repoName, type BranchHead, type RepoRef } from './repository';
import type { Transport } from './transport';
import { toGitHubError } from './errors';
import { outcomeUnknown } from './recovery';

export interface ForkWaitOptions {
  /** Give up after this long (GitHub usually needs seconds, sometimes a minute). */
  timeoutMs: number;
  /** First pause between polls; it doubles up to 8 s. */
  firstDelayMs: number;
}

export interface Fork extends RepoRef {
  head: BranchHead;
  created: boolean;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new GitHubError('network', 'The submission was cancelled.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new GitHubError('network', 'The submission was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function isForkOf(data: { fork: boolean; parent?: { full_name: string }; source?: { full_name: string } }, upstream: RepoRef): boolean {
  const target = repoName(upstream).toLowerCase();
  return data.fork && (data.parent?.full_name.toLowerCase() === target || data.source?.full_name.toLowerCase() === target);
}

/** A fork answers once its repository and its default branch can be read; until then GitHub says 404 or 409. */
async function readyHead(t: Transport, fork: RepoRef, signal?: AbortSignal): Promise<BranchHead | undefined> {
  try {
    return await defaultBranchHead(t, fork, signal);
  } catch (error) {
    if (error instanceof GitHubError && (error.kind === 'not-found' || error.kind === 'conflict')) return undefined;
    throw error;
  }
}

/**
 * Asks GitHub for the fork. It answers 202 at once (with the existing fork when there is one under another name)
 * and copies later. When that answer is lost, the fork may have been made all the same: if it answers under the
 * usual name, it is the one.
 */
async function createFork(t: Transport, upstream: RepoRef, guess: RepoRef, signal?: AbortSignal): Promise<RepoRef> {
  try {
    const created = await t.octokit.rest.repos.createFork({ ...upstream, request: { signal } });
    return { owner: created.data.owner.login, repo: created.data.name };
  } catch (error) {
    const failure = toGitHubError(error, t.errorContext(`a fork of ${repoName(upstream)}`));
    if (!outcomeUnknown(failure)) throw failure;
    // A fork still being copied answers 404 like no fork at all; then the error stands and Retry asks again,
    // which GitHub answers with the same fork.
    const found = await t.octokit.rest.repos.get({ ...guess }).catch(() => undefined);
    if (found && isForkOf(found.data, upstream)) return guess;
    throw failure;
  }
}

/** The user's fork of the target: the existing one, or a new one once GitHub has finished making it. */
export async function ensureFork(
  t: Transport,
  upstream: RepoRef,
  login: string,
  wait: ForkWaitOptions,
  signal?: AbortSignal,
): Promise<Fork> {
  const guess = { owner: login, repo: upstream.repo };
  try {
    const existing = await t.octokit.rest.repos.get({ ...guess, request: { signal } });
    if (isForkOf(existing.data, upstream)) {
      const head = await readyHead(t, guess, signal);
      if (head) return { ...guess, head, created: false };
    }
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status !== 404) throw toGitHubError(error, t.errorContext(`your fork ${repoName(guess)}`));
  }
  const fork = await createFork(t, upstream, guess, signal);
  const deadline = Date.now() + wait.timeoutMs;
  let delay = wait.firstDelayMs;
  for (;;) {
    const head = await readyHead(t, fork, signal);
    if (head) return { ...fork, head, created: true };
    if (Date.now() + delay > deadline) {
      throw new GitHubError(
        'server',
        `GitHub has not finished creating your fork ${repoName(fork)} after ${Math.round(wait.timeoutMs / 1000)} s. Try again in a minute; the fork will be used once it is ready.`,
      );
    }
    await sleep(delay, signal);
    delay = Math.min(delay * 2, 8000);
  }
}
