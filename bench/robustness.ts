import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpus } from '../test/bad-input/corpus';
import { runPath, writeInput, type PathResult } from '../test/bad-input/run-paths';
import { PATHS, type PathName } from '../test/bad-input/types';

/**
 * The bad-input corpus (test/bad-input/) through the CLI, the import and the installer analysis, as
 * test/bad-input.test.ts runs it, printed as a table. The test asserts the bound; this only reports.
 */

export interface RobustnessRow {
  input: string;
  family: string;
  path: PathName;
  result: PathResult;
}

/** The bound test/bad-input.test.ts asserts per input and path. */
export const ROBUSTNESS_BOUND_MS = 5000;

export async function benchRobustness(): Promise<RobustnessRow[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'wingsmith-robustness-'));
  const rows: RobustnessRow[] = [];
  try {
    for (const input of corpus) {
      const file = writeInput(root, input);
      for (const name of PATHS) rows.push({ input: input.name, family: input.family, path: name, result: await runPath(name, input, file) });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

function firstMessage(result: PathResult): string {
  const m = result.messages.find((x) => x.severity === 'error') ?? result.messages[0];
  if (!m) return '';
  const where = `${m.file}${m.line > 0 ? `:${m.line}` : ''}${m.field ? ` ${m.field}` : ''}`;
  const text = `${where}: ${m.message}`;
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

export function printRobustness(rows: readonly RobustnessRow[]): void {
  const width = Math.max(...rows.map((r) => r.input.length));
  console.log(`robustness: ${rows.length / PATHS.length} inputs × ${PATHS.length} paths (bound ${ROBUSTNESS_BOUND_MS} ms per input and path)`);
  console.log(`${'input'.padEnd(width)}  ${'path'.padEnd(9)}  ${'verdict'.padEnd(7)}  ${'ms'.padStart(7)}  ${'peak+MB'.padStart(7)}  first message`);
  for (const { input, path: name, result } of rows) {
    console.log(
      `${input.padEnd(width)}  ${name.padEnd(9)}  ${result.verdict.padEnd(7)}  ${result.ms.toFixed(1).padStart(7)}  ${result.peakRiseMb.toFixed(0).padStart(7)}  ${firstMessage(result)}`,
    );
  }
  for (const name of PATHS) {
    const mine = rows.filter((r) => r.path === name);
    const counts = ['error', 'warning', 'ok', 'refused'].map((v) => `${mine.filter((r) => r.result.verdict === v).length} ${v}`).join(', ');
    const total = mine.reduce((n, r) => n + r.result.ms, 0);
    console.log(`robustness: ${name}: ${counts}; ${total.toFixed(0)} ms in all`);
  }
  const slowest = [...rows].sort((a, b) => b.result.ms - a.result.ms).slice(0, 5);
  console.log(`robustness: slowest ${slowest.map((r) => `${r.input} (${r.path}) ${r.result.ms.toFixed(0)} ms`).join(', ')}`);
  const over = rows.filter((r) => r.result.ms >= ROBUSTNESS_BOUND_MS);
  console.log(`robustness: ${over.length} of ${rows.length} runs at or over the bound; highest peak rise ${Math.max(...rows.map((r) => r.result.peakRiseMb)).toFixed(0)} MB`);
}
