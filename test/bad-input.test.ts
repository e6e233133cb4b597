import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../src/cli/validate-command';
import { corpus } from './bad-input/corpus';
import { runPath, writeInput, type Located, type PathResult } from './bad-input/run-paths';
import { PATHS, type Expectation } from './bad-input/types';

/*
 * Issue 13, "Bad input, in figures": every input of the generated corpus (test/bad-input/) through the CLI
 * (`validate --json`), the import the Manifest files input and the page drop use, and the installer analysis the
 * worker runs. Each gets a verdict within the bound, with the process's peak memory barely moved, and where
 * something is wrong a message that says where: file, line and field for manifests, entry and byte offsets for
 * installers. `npm run bench -- robustness` prints the same runs as a table.
 */

/** Per input and path. The slowest measured here is about 1 s (5,000 installers through the import, on 2 cores). */
const BOUND_MS = 5000;
/** A 768 MiB entry inflated, or a bomb expanded, would raise the process's peak memory far past this. */
const PEAK_BOUND_MB = 256;

let root: string;
const files = new Map<string, string>();

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'wingsmith-bad-input-'));
  for (const input of corpus) files.set(input.name, writeInput(root, input));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A line given in the message counts: an import rewrites the file, so its notices quote the original's line. */
function lineMatches(m: Located, line: Expectation['line']): boolean {
  if (line === undefined || line === false) return true;
  if (line === true) return m.line > 0 || /\(its line \d+\)/.test(m.message);
  return m.line === line || m.message.includes(`(its line ${line})`);
}

function located(result: PathResult, expected: Expectation): Located[] {
  return result.messages.filter(
    (m) =>
      (!expected.message || expected.message.test(m.message)) &&
      lineMatches(m, expected.line) &&
      (!expected.field || m.field === expected.field || m.message.includes(expected.field)),
  );
}

function describeResult(result: PathResult): string {
  const shown = result.messages.slice(0, 4).map((m) => `${m.severity} ${m.file}:${m.line} ${m.field} ${m.message.slice(0, 160)}`);
  return `${result.verdict} in ${result.ms.toFixed(0)} ms, peak rise ${result.peakRiseMb.toFixed(0)} MB\n  ${shown.join('\n  ')}`;
}

function check(result: PathResult, expected: Expectation): void {
  const what = describeResult(result);
  expect([expected.verdict].flat(), what).toContain(result.verdict);
  expect(result.ms, what).toBeLessThan(BOUND_MS);
  expect(result.peakRiseMb, what).toBeLessThan(PEAK_BOUND_MB);
  if (result.verdict !== 'ok') expect(result.messages.length, what).toBeGreaterThan(0);
  if (result.verdict === 'error' || result.verdict === 'refused') {
    // Something is wrong: a message names the file it is about (the entry inside a zip, the draft's file).
    expect(result.messages.some((m) => m.file !== ''), what).toBe(true);
  }
  if (expected.message || expected.line || expected.field) expect(located(result, expected).length, what).toBeGreaterThan(0);
}

for (const input of corpus) {
  describe(`${input.family}: ${input.name}`, () => {
    for (const pathName of PATHS) {
      it(`${pathName}: a verdict in under ${BOUND_MS} ms, located where something is wrong`, async () => {
        check(await runPath(pathName, input, files.get(input.name)!), input.expect[pathName]);
      });
    }
  });
}

describe('the CLI as installed', () => {
  it('answers for the whole corpus at once, in order, and never with an unexpected failure', () => {
    const args = corpus.map((input) => files.get(input.name)!);
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../src/cli/main.ts'), 'validate', '--json', ...args], {
      encoding: 'utf8',
      // 60,000 unknown keys are 60,000 warnings: some 15 MB of JSON.
      maxBuffer: 256 << 20,
    });
    expect(run.status, run.stderr).toBe(1);
    const reports = JSON.parse(run.stdout) as JsonReport[];
    expect(reports.map((r) => r.path)).toEqual(args);
    expect(performance.now() - started).toBeLessThan(BOUND_MS * 4);
  }, 60_000);
});
