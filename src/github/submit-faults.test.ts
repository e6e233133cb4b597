/**
 * The submission when GitHub's answers go missing: one fault per write of the sequence × each kind of failure
 * (test/github-double/fault-matrix.ts), then the cases the matrix cannot reach with one fault (a cleanup that
 * fails too, a look-up that fails too, the upstream moving between attempts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_WRITES, FAULTS, faultCounts, runFaultCase, type FaultOutcome } from '../../test/github-double/fault-matrix';
import { DOUBLE_LOGIN, UPSTREAM } from '../../test/github-double/seed';
import { createGitHubDouble, type GitHubDouble } from '../../test/github-double/server';
import { clientFor, expectedFiles, manifestInput } from '../../test/github-double/test-support';
import type { GitHubError, SubmissionAttempt, SubmissionStep } from './types';

const FORK = `${DOUBLE_LOGIN}/winget-pkgs`;
/** Short enough that a hang costs little, long enough for any answer of the in-process double. */
const TIMEOUT_MS = 600;
const TIMEOUTS = { read: TIMEOUT_MS, upload: TIMEOUT_MS, write: TIMEOUT_MS, 'pull-request': TIMEOUT_MS };

let double: GitHubDouble;
beforeAll(async () => {
  double = await createGitHubDouble({ seed: true });
});
afterAll(() => double.close());

/** Where the first attempt itself ends with the pull request: the lost answer had made the fork, branch or PR. */
function finishesFirstTime(step: string, kind: string): boolean {
  return ['fork', 'branch', 'pull-request'].includes(step) && (kind === 'drop-after' || kind === 'hang-after');
}

describe('one fault per write × each kind of failure', () => {
  const outcomes: FaultOutcome[] = [];
  afterAll(() => {
    if (outcomes.length > 0) console.log(`submission faults: ${faultCounts(outcomes)}`);
  });
  for (const write of FAULT_WRITES) {
    for (const spec of FAULTS) {
      it(`${write.step} × ${spec.name}`, async () => {
        const outcome = await runFaultCase(double, write, spec, TIMEOUT_MS);
        outcomes.push(outcome);
        expect(outcome.injected).toBe(true);
        expect(outcome.halfMade).toEqual([]);
        expect(outcome.problems).toEqual([]);
        expect(outcome.recovered).toBe(true);
        expect(outcome.first).toBe(finishesFirstTime(write.step, spec.fault.kind) ? 'pull-request' : 'failed');
        if (spec.fault.kind === 'hang') expect(outcome.firstMessage).toMatch(/did not answer .* within 600 ms/);
        expect(outcome.firstMessage ?? '').not.toMatch(/already open/);
      }, 15_000);
    }
  }
});

describe('recovery beyond one fault', () => {
  const input = manifestInput('Google.Chrome', '125.0');
  const branches = () => [...(double.state.repo(FORK)?.branches.keys() ?? [])];
  const client = () => clientFor(double, 'ghp_double_classic', { timeouts: TIMEOUTS }).client;
  const fail = async (attempt: SubmissionAttempt, onStep: (s: SubmissionStep[]) => void = () => {}) =>
    (await client().submit(input, onStep, undefined, attempt).catch((e: unknown) => e)) as GitHubError;

  it('keeps a branch it could not remove, and a Retry reuses it under the same name', async () => {
    double.reset();
    double.failNext('POST', '/repos/*/*/pulls', 500);
    double.failNext('DELETE', '/repos/*/*/git/refs/*', 500);
    const attempt: SubmissionAttempt = {};
    const error = await fail(attempt);
    expect(error.userMessage).toMatch(/could not be removed; Retry reuses it/);
    expect(branches()).toEqual(['master', attempt.branch]);
    const steps: SubmissionStep[][] = [];
    const result = await client().submit(input, (s) => steps.push(s), undefined, attempt);
    if (result.kind !== 'pull-request') throw new Error('expected a pull request');
    expect(result.branch).toBe(attempt.branch);
    expect(steps.at(-1)!.find((s) => s.id === 'branch')?.detail).toBe(`${DOUBLE_LOGIN}:${attempt.branch} (pushed by the earlier attempt)`);
    expect(double.state.pulls).toHaveLength(1);
    expect(double.state.pullFiles(result.number)).toEqual(expectedFiles(input));
    // The branch was reused as it was, not pushed again.
    expect(double.state.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('moves its own kept branch to the new commit when the upstream moved on between attempts', async () => {
    double.reset();
    double.failNext('POST', '/repos/*/*/pulls', 500);
    double.failNext('DELETE', '/repos/*/*/git/refs/*', 500);
    const attempt: SubmissionAttempt = {};
    await fail(attempt);
    const upstreamHead = double.state.commitFiles(UPSTREAM, 'master', { 'README.md': 'moved on\n' });
    const result = await client().submit(input, () => {}, undefined, attempt);
    if (result.kind !== 'pull-request') throw new Error('expected a pull request');
    const pull = double.state.pulls[0]!;
    expect(double.state.mustRepo(FORK).store.commits.get(pull.head.sha)?.parents).toEqual([upstreamHead]);
    expect(double.state.pullFiles(result.number)).toEqual(expectedFiles(input));
    expect(branches()).toEqual(['master', attempt.branch]);
  });

  it('keeps the branch when the pull request may be open but cannot be looked up, and a Retry reports that pull request', async () => {
    double.reset();
    double.faultNext('POST', '/repos/*/*/pulls', { kind: 'drop-after' });
    double.failNext('GET', '/repos/*/*/pulls', 503);
    const attempt: SubmissionAttempt = {};
    const error = await fail(attempt);
    expect(error.userMessage).toMatch(/GitHub may have opened the pull request .* The branch .* is kept .* Retry looks for it first/);
    expect(double.state.pulls).toHaveLength(1);
    expect(branches()).toEqual(['master', attempt.branch]);

    // The dialog's Retry: the checks first. The user's own pull request of this submission is no duplicate.
    const preflight = await client().preflight(input, attempt);
    expect(preflight.openPullRequests).toEqual([]);
    const steps: SubmissionStep[][] = [];
    const result = await client().submit(input, (s) => steps.push(s), undefined, attempt);
    expect(result).toMatchObject({ kind: 'pull-request', number: double.state.pulls[0]!.number, branch: attempt.branch });
    expect(steps.at(-1)!.find((s) => s.id === 'pull-request')?.detail).toMatch(/opened by the earlier attempt/);
    expect(double.state.pulls).toHaveLength(1);
    // Nothing was written again.
    const writes = double.state.requests.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path}`).filter((w) => w.endsWith('/pulls'))).toEqual(['POST /repos/microsoft/winget-pkgs/pulls']);
  });

  it('tells the user their own other pull request for the version apart from someone else’s', async () => {
    double.reset();
    const mine = double.state.addOpenPull(UPSTREAM, DOUBLE_LOGIN, 'New version: Google.Chrome version 125.0');
    const theirs = double.state.addOpenPull(UPSTREAM, 'someone', 'New version: Google.Chrome version 125.0');
    const preflight = await client().preflight(input);
    expect(preflight.openPullRequests.map((p) => [p.number, p.mine ?? false])).toEqual([[mine.number, true], [theirs.number, false]]);
  });

  // A stalled body matters on its own: octokit reads JSON bodies with errors swallowed, so it came out as data "".
  it.each([
    ['a hung read', 'hang'],
    ['an answer that stalls part-way through its body', 'hang-mid-body'],
  ] as const)('turns %s into a failure with the time limit in the message', async (_, kind) => {
    double.reset();
    double.faultNext('GET', `/repos/${UPSTREAM}`, { kind });
    const started = Date.now();
    const error = await fail({});
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({ kind: 'network' });
    expect(error.userMessage).toMatch(/GitHub did not answer about the repository microsoft\/winget-pkgs within 600 ms/);
  });

  it('starts afresh when the same record is used for another package version', async () => {
    double.reset();
    const attempt: SubmissionAttempt = { branch: 'Other.Package-1.0-abcdef', forkOwner: DOUBLE_LOGIN };
    const result = await client().submit(input, () => {}, undefined, attempt);
    expect(result.branch).toMatch(/^Google\.Chrome-125\.0-[a-z0-9]{6}$/);
    expect(attempt.branch).toBe(result.branch);
  });
});
