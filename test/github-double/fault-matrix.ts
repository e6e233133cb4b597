/**
 * The submission under one injected fault per write of its sequence: what the first attempt left on the double,
 * and whether a Retry (the dialog's: the preflight, then submit with the same attempt record) ends with exactly
 * one pull request holding exactly the files. Shared by src/github/submit-faults.test.ts (which asserts) and
 * `npm run bench -- faults` (which prints the counts).
 */
import type { GitHubError, SubmissionAttempt, SubmissionResult } from '../../src/github/types';
import type { DoubleFault } from './faults';
import { DOUBLE_LOGIN } from './seed';
import type { GitHubDouble } from './server';
import { clientFor, expectedFiles, manifestInput } from './test-support';

export const FAULT_WRITES = [
  { step: 'fork', method: 'POST', path: '/repos/*/*/forks' },
  { step: 'blobs', method: 'POST', path: '/repos/*/*/git/blobs' },
  { step: 'tree', method: 'POST', path: '/repos/*/*/git/trees' },
  { step: 'commit', method: 'POST', path: '/repos/*/*/git/commits' },
  { step: 'branch', method: 'POST', path: '/repos/*/*/git/refs' },
  { step: 'pull-request', method: 'POST', path: '/repos/*/*/pulls' },
] as const;

export type FaultWrite = (typeof FAULT_WRITES)[number];

export const FAULTS: readonly { name: string; fault: DoubleFault }[] = [
  { name: 'status 500', fault: { kind: 'status', status: 500 } },
  { name: 'drop before', fault: { kind: 'drop-before' } },
  { name: 'drop after', fault: { kind: 'drop-after' } },
  { name: 'hang', fault: { kind: 'hang' } },
  { name: 'hang after', fault: { kind: 'hang-after' } },
];

export type FaultSpec = (typeof FAULTS)[number];

const FORK = `${DOUBLE_LOGIN}/winget-pkgs`;

export interface FaultOutcome {
  write: FaultWrite['step'];
  fault: string;
  /** The double logged the fault on the request it was meant for. */
  injected: boolean;
  /** How the first attempt ended: failed (with Retry), or the pull request (found when its answer was lost). */
  first: 'failed' | 'pull-request';
  firstMessage?: string;
  /** What the first attempt left half-made: stray branches, or pull requests it did not report. Empty is right. */
  halfMade: string[];
  /** Attempts until the pull request: 1 when the first attempt found what the lost answer had made. */
  attempts: number;
  /** Exactly one pull request, exactly the files, on the branch the first attempt planned. */
  recovered: boolean;
  problems: string[];
}

function openPulls(double: GitHubDouble) {
  return double.state.pulls.filter((p) => p.state === 'open');
}

function forkBranches(double: GitHubDouble): string[] {
  return [...(double.state.repo(FORK)?.branches.keys() ?? [])].filter((b) => b !== 'master');
}

/** What is wrong with the double's state after an attempt that ended with `result` (undefined: it failed). */
function stateProblems(double: GitHubDouble, result: SubmissionResult | undefined, branch: string | undefined): string[] {
  const pulls = openPulls(double);
  const branches = forkBranches(double);
  if (!result) {
    return [
      ...branches.map((b) => `stray branch ${b}`),
      ...pulls.map((p) => `pull request #${p.number} exists, but the attempt failed`),
    ];
  }
  const problems: string[] = [];
  if (result.kind !== 'pull-request') problems.push(`ended with ${result.kind}`);
  if (pulls.length !== 1) problems.push(`${pulls.length} open pull requests`);
  const pull = pulls[0];
  if (pull && result.kind === 'pull-request' && pull.number !== result.number) problems.push(`reported #${result.number}, open is #${pull.number}`);
  if (pull && pull.head.ref !== branch) problems.push(`pull request from ${pull.head.ref}, planned ${branch ?? 'none'}`);
  if (branches.join() !== (branch ?? '')) problems.push(`fork branches: ${branches.join(', ') || 'none'}`);
  return problems;
}

/** One case: a fresh double, the fault armed, an attempt, and the dialog's Retry when that one failed. */
export async function runFaultCase(double: GitHubDouble, write: FaultWrite, spec: FaultSpec, timeoutMs: number): Promise<FaultOutcome> {
  double.reset();
  const all = { read: timeoutMs, upload: timeoutMs, write: timeoutMs, 'pull-request': timeoutMs };
  const { client } = clientFor(double, 'ghp_double_classic', { timeouts: all, forkPollMs: 20 });
  const input = manifestInput('Google.Chrome', '125.0');
  double.faultNext(write.method, write.path, spec.fault);
  const attempt: SubmissionAttempt = {};
  const submit = () =>
    client.submit(input, () => {}, undefined, attempt).then(
      (result) => ({ result, message: undefined }),
      (error: unknown) => ({ result: undefined, message: (error as GitHubError).userMessage ?? String(error) }),
    );

  const first = await submit();
  const planned = attempt.branch;
  const injected = double.state.requests.some((r) => r.fault === spec.fault.kind && r.method === write.method);
  const halfMade = stateProblems(double, first.result, planned);
  const problems: string[] = [];
  let attempts = 1;
  let final = first.result;
  if (!final) {
    attempts = 2;
    // The dialog's Retry: the checks again (whose open pull requests must not hold this submission's own), then
    // the submission with the same attempt record.
    const preflight = await client.preflight(input, attempt);
    for (const pr of preflight.openPullRequests) problems.push(`the checks call #${pr.number} already open`);
    const retry = await submit();
    if (retry.message !== undefined) problems.push(`retry failed: ${retry.message}`);
    if (attempt.branch !== planned) problems.push(`retry used branch ${attempt.branch ?? 'none'}, planned ${planned ?? 'none'}`);
    final = retry.result;
  }
  if (final) {
    problems.push(...stateProblems(double, final, planned));
    const pull = openPulls(double)[0];
    const sorted = (files: Record<string, string | null>) => JSON.stringify(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (pull && sorted(double.state.pullFiles(pull.number)) !== sorted(expectedFiles(input))) problems.push('the pull request changes other files');
  }
  return {
    write: write.step,
    fault: spec.name,
    injected,
    first: first.result ? 'pull-request' : 'failed',
    ...(first.message !== undefined ? { firstMessage: first.message } : {}),
    halfMade,
    attempts,
    recovered: final !== undefined && problems.length === 0,
    problems,
  };
}

export async function runFaultMatrix(double: GitHubDouble, timeoutMs: number): Promise<FaultOutcome[]> {
  const outcomes: FaultOutcome[] = [];
  for (const write of FAULT_WRITES) for (const spec of FAULTS) outcomes.push(await runFaultCase(double, write, spec, timeoutMs));
  return outcomes;
}

/** "N faults injected, 0 half-made, N recovered", and how many needed no Retry. */
export function faultCounts(outcomes: readonly FaultOutcome[]): string {
  const injected = outcomes.filter((o) => o.injected).length;
  const halfMade = outcomes.filter((o) => o.halfMade.length > 0).length;
  const recovered = outcomes.filter((o) => o.recovered).length;
  const firstTime = outcomes.filter((o) => o.recovered && o.attempts === 1).length;
  return `${injected} faults injected, ${halfMade} half-made, ${recovered} recovered (${firstTime} finished by the same attempt, ${recovered - firstTime} by one Retry)`;
}
