import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { JsonReport } from '../../src/cli/validate-command';
import { createDocumentStore } from '../../src/document/store';
import { importStore } from '../../src/features/import/import-store';
import { importCandidate, importSources } from '../../src/features/import/use-import';
import { analyseInstaller, blobSource } from '../../src/installers/analyse';
import type { BadInput, PathName, Verdict } from './types';

/* Runs one input through one of the three paths the app and the CLI have, as they call them, and times it. */

/** As the browser hands the file over; the copy gives the Blob an ArrayBuffer of its own (zlib's are Buffers). */
function blobOf(input: BadInput): Blob {
  return new Blob([new Uint8Array(input.bytes())]);
}

export interface Located {
  severity: 'error' | 'warning';
  file: string;
  /** 0 when the message has no line (an installer's, which names offsets and entries instead). */
  line: number;
  field: string;
  message: string;
}

export interface PathResult {
  verdict: Verdict;
  ms: number;
  /**
   * How far the run raised the process's peak resident memory. It misses what stays under an earlier peak, so the
   * corpus puts the archives and installers first, before the big texts have raised it.
   */
  peakRiseMb: number;
  messages: Located[];
}

/** Declined by a limit or by its kind, without being read (whole): the messages that say so. */
const REFUSED = /too large|larger than \d+ MiB|more than the \d+-byte limit|No \.yaml, \.yml or \.zip|Not a manifest file|compressed and \d+ MB unpacked/;

/** `refused` when every error is a refusal; otherwise the worst severity there is. */
function verdictOf(messages: readonly Located[]): Verdict {
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) return errors.every((m) => REFUSED.test(m.message)) ? 'refused' : 'error';
  return messages.length > 0 ? 'warning' : 'ok';
}

async function measured(run: () => Promise<Omit<PathResult, 'ms' | 'peakRiseMb'>>): Promise<PathResult> {
  const before = process.resourceUsage().maxRSS;
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  return { ...result, ms, peakRiseMb: (process.resourceUsage().maxRSS - before) / 1024 };
}

/** Writes each input in a folder of its own: the CLI takes a set member's whole folder. */
export function writeInput(root: string, input: BadInput): string {
  const folder = path.join(root, input.name.replace(/[^A-Za-z0-9]+/g, '-'));
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, input.fileName);
  writeFileSync(file, input.bytes());
  return file;
}

/** `wingsmith validate --json FILE`, in this process: stdout is captured, the exit code kept. */
export async function runCli(file: string): Promise<PathResult> {
  return measured(async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    const capture = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    process.stdout.write = capture;
    process.stderr.write = capture;
    let code: number;
    try {
      code = await main(['validate', '--json', file]);
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    }
    if (code === 2) return { verdict: 'refused', messages: [{ severity: 'error', file, line: 0, field: '', message: out.join('') }] };
    const reports = JSON.parse(out.join('')) as JsonReport[];
    const messages = reports.flatMap((r) => [
      ...r.errors.map((e): Located => ({ severity: 'error', file: e.file, line: e.line, field: e.field, message: e.message })),
      ...r.warnings.map((w): Located => ({ severity: 'warning', file: w.file, line: w.line, field: w.field, message: w.message })),
    ]);
    if ((code === 1) !== messages.some((m) => m.severity === 'error')) throw new Error(`exit code ${code} disagrees with the report`);
    return { verdict: verdictOf(messages), messages };
  });
}

/**
 * What the Manifest files input and the page drop do: read the files, import the only manifest (or the first
 * offered, as a user picking from the list would), then the document's own validation.
 */
export async function runImport(input: BadInput): Promise<PathResult> {
  return measured(async () => {
    importStore.update({ busy: false, choice: undefined, report: undefined, notice: undefined });
    const store = createDocumentStore();
    await importSources(store, [{ path: input.fileName, file: blobOf(input) }], 'choose');
    const choice = importStore.getState().choice;
    if (choice) importCandidate(store, choice.candidates[0]!, choice.problems);
    const report = importStore.getState().report;
    const reported = (report?.problems ?? []).map((p): Located => ({ severity: p.severity, file: p.file, line: p.line, field: '', message: p.message }));
    if (report?.failed) return { verdict: verdictOf(reported), messages: reported };
    await store.flushValidation();
    const findings = store.getState().findings.map((f): Located => ({ severity: f.severity, file: f.file, line: f.line, field: f.field, message: f.message }));
    return { verdict: verdictOf([...reported, ...findings]), messages: [...reported, ...findings] };
  });
}

/** The worker's analysis of a chosen installer file (and of one entry of a zip, when the input names one). */
export async function runInstaller(input: BadInput): Promise<PathResult> {
  return measured(async () => {
    const analysis = await analyseInstaller(blobSource(blobOf(input)), input.fileName, input.nestedPath ? { nestedPath: input.nestedPath } : {});
    const at = (message: string, severity: Located['severity']): Located => ({ severity, file: input.fileName, line: 0, field: '', message });
    const messages = [...(analysis.error ? [at(analysis.error, 'error')] : []), ...analysis.notes.map((n) => at(n, 'warning'))];
    return { verdict: verdictOf(messages), messages };
  });
}

export function runPath(name: PathName, input: BadInput, file: string): Promise<PathResult> {
  if (name === 'cli') return runCli(file);
  if (name === 'import') return runImport(input);
  return runInstaller(input);
}
