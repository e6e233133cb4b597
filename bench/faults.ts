/**
 * `npm run bench -- faults`: the submission under one injected fault per write (fork, blobs, tree, commit, branch,
 * pull request) × each kind (status 500, connection dropped before or after GitHub handled it, no answer before or
 * after), against the in-process GitHub double. Prints what happened; src/github/submit-faults.test.ts asserts it.
 */
import { faultCounts, runFaultMatrix, type FaultOutcome } from '../test/github-double/fault-matrix';
import { createGitHubDouble } from '../test/github-double/server';

/** The client's time limit for every request here, so a hang costs under a second instead of 30 s. */
const TIMEOUT_MS = 600;

export async function benchFaults(): Promise<{ outcomes: FaultOutcome[]; seconds: number }> {
  const double = await createGitHubDouble({ seed: true });
  const started = performance.now();
  try {
    const outcomes = await runFaultMatrix(double, TIMEOUT_MS);
    return { outcomes, seconds: (performance.now() - started) / 1000 };
  } finally {
    await double.close();
  }
}

export function printFaults({ outcomes, seconds }: { outcomes: FaultOutcome[]; seconds: number }): void {
  for (const o of outcomes) {
    const how = o.first === 'pull-request' ? 'finished by the same attempt (what the lost answer made was found)' : `failed, then ${o.recovered ? 'one Retry' : 'NOT recovered'}`;
    const wrong = [...o.halfMade, ...o.problems];
    console.log(`faults: ${o.write.padEnd(12)} × ${o.fault.padEnd(11)} ${how}${wrong.length > 0 ? ` — ${wrong.join('; ')}` : ''}`);
  }
  console.log(`faults: ${faultCounts(outcomes)} in ${seconds.toFixed(1)} s (request time limit ${TIMEOUT_MS} ms)`);
}
