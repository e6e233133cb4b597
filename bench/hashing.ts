/**
 * Installer hashing through the app's real pipeline: the built app in headless Chromium, files given to the
 * `Installer files` input, timed until their hashes show, against `sha256sum` on the same files in the same run.
 * Memory: the renderer's resident set (from /proc, renderer pids from CDP SystemInfo) while a 4 GiB sparse file hashes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './browser';
import { rendererPids, rssKb, spawnBuiltApp, waitForServer } from './measure';

const REPO = path.resolve(import.meta.dirname, '..');
const MIB = 1024 * 1024;
const PORT = Number(process.env.WINGSMITH_BENCH_PORT ?? 4391);
const URL_ = `http://127.0.0.1:${PORT}/`;

export interface HashingFigures {
  one: { mbPerSecond: number; sha256sumMbPerSecond: number; ratio: number };
  /** A typical installer size, under the whole-file limit: hashed with WebCrypto. */
  typical: { mbPerSecond: number; sha256sumMbPerSecond: number; ratio: number };
  two: { mbPerSecond: number; sha256sumMbPerSecond: number; ratio: number; parallelSha256sumMbPerSecond: number };
  memory: { rssGrowthMb: number; jsHeapGrowthMb: number; seconds: number };
  /** Every digest the app showed equals sha256sum's for the same file (the 1 GiB one spans a 33-bit bit length). */
  digestsAgree: boolean;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

function timeSeconds(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

/** Digests `sha256sum` printed in the timed runs, by file: the reference for what the app shows, at no extra read. */
const sha256sumDigest = new Map<string, string>();

function sha256sumSeconds(files: string[], parallel = false): number {
  if (parallel) return timeSeconds(() => run('sh', ['-c', `${files.map((f) => `sha256sum '${f}' >/dev/null &`).join(' ')} wait`]));
  let out = '';
  const seconds = timeSeconds(() => {
    const r = spawnSync('sha256sum', files, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`sha256sum ${files.join(' ')} failed`);
    out = r.stdout;
  });
  out.trim().split('\n').forEach((line, i) => sha256sumDigest.set(files[i]!, line.split(' ')[0]!.toUpperCase()));
  return seconds;
}

async function freshPage(page: Page): Promise<void> {
  await page.goto(URL_);
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
}

let digestsAgree = true;

/** Seconds from choosing the files to every hash being shown; the shown hashes are checked against sha256sum's. */
async function hashInApp(page: Page, files: string[]): Promise<number> {
  await freshPage(page);
  const t = performance.now();
  await page.getByLabel('Installer files', { exact: true }).setInputFiles(files);
  await page.waitForFunction((n) => document.querySelectorAll('.installer-hash code').length >= n, files.length, { polling: 20, timeout: 600_000 });
  const seconds = (performance.now() - t) / 1000;
  const shown = await page.locator('.installer-hash code').allTextContents();
  // The warm-up runs before any sha256sum: files not timed yet are checked when they are.
  const expected = files.map((f) => sha256sumDigest.get(f));
  if (expected.every((d) => d !== undefined)) {
    const got = new Set(shown.map((digest) => digest.trim().toUpperCase()));
    if (shown.length !== files.length || !expected.every((d) => got.has(d!))) digestsAgree = false;
  }
  return seconds;
}

async function memoryWhileHashing(browser: Browser, page: Page, file: string): Promise<HashingFigures['memory']> {
  await freshPage(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  const pids = await rendererPids(browser);
  const base = new Map(pids.map((pid) => [pid, rssKb(pid)]));
  const heapBase = await heap();
  let peakGrowthKb = 0;
  let heapPeak = heapBase;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      for (const pid of pids) peakGrowthKb = Math.max(peakGrowthKb, rssKb(pid) - base.get(pid)!);
      heapPeak = Math.max(heapPeak, await heap());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t = performance.now();
  await page.getByLabel('Installer files', { exact: true }).setInputFiles(file);
  await page.waitForFunction(() => document.querySelectorAll('.installer-hash code').length >= 1, null, { polling: 100, timeout: 600_000 });
  const seconds = (performance.now() - t) / 1000;
  done = true;
  await sampler;
  return { rssGrowthMb: (peakGrowthKb * 1024) / 1e6, jsHeapGrowthMb: (heapPeak - heapBase) / 1e6, seconds };
}

export async function benchHashing(): Promise<HashingFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wingsmith-hash-bench-'));
  let server: { stop: () => void } | undefined;
  let browser: Browser | undefined;
  try {
    const outDir = path.join(dir, 'dist');
    server = spawnBuiltApp(outDir, PORT);
    const big = path.join(dir, 'one-1GiB.exe');
    const halves = [path.join(dir, 'a-512MiB.msi'), path.join(dir, 'b-512MiB.msi')];
    const sparse = path.join(dir, 'sparse-4GiB.exe');
    const typical = path.join(dir, 'typical-64MiB.exe');
    // Random, so nothing (disk, compression) can take a short cut; written once, read from the page cache by both sides.
    run('sh', ['-c', `head -c ${1024 * MIB} /dev/urandom > '${big}' && head -c ${512 * MIB} /dev/urandom > '${halves[0]}' && head -c ${512 * MIB} /dev/urandom > '${halves[1]}' && head -c ${64 * MIB} /dev/urandom > '${typical}'`]);
    run('truncate', ['-s', String(4096 * MIB), sparse]);
    await waitForServer(URL_, 60_000);
    browser = await launchChromium();
    const page = await browser.newPage();
    await hashInApp(page, [path.join(dir, 'a-512MiB.msi')]); // warm-up: worker start, wasm compile, page cache

    const mb = (n: number) => (n * MIB) / 1e6;
    const sumOne = Math.min(sha256sumSeconds([big]), sha256sumSeconds([big]));
    const appOne = Math.min(await hashInApp(page, [big]), await hashInApp(page, [big]));
    const sumTypical = Math.min(sha256sumSeconds([typical]), sha256sumSeconds([typical]));
    const appTypical = Math.min(await hashInApp(page, [typical]), await hashInApp(page, [typical]), await hashInApp(page, [typical]));
    const sumTwo = sha256sumSeconds(halves);
    const sumTwoParallel = sha256sumSeconds(halves, true);
    const appTwo = Math.min(await hashInApp(page, halves), await hashInApp(page, halves));
    const memory = await memoryWhileHashing(browser, page, sparse);
    return {
      one: { mbPerSecond: mb(1024) / appOne, sha256sumMbPerSecond: mb(1024) / sumOne, ratio: sumOne / appOne },
      typical: { mbPerSecond: mb(64) / appTypical, sha256sumMbPerSecond: mb(64) / sumTypical, ratio: sumTypical / appTypical },
      two: { mbPerSecond: mb(1024) / appTwo, sha256sumMbPerSecond: mb(1024) / sumTwo, ratio: sumTwo / appTwo, parallelSha256sumMbPerSecond: mb(1024) / sumTwoParallel },
      memory,
      digestsAgree,
    };
  } finally {
    await browser?.close();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printHashing(f: HashingFigures): void {
  const x = (n: number) => `${n.toFixed(2)}×`;
  console.log(
    `hashing, one 1 GiB file: ${f.one.mbPerSecond.toFixed(0)} MB/s in the app vs sha256sum ${f.one.sha256sumMbPerSecond.toFixed(0)} MB/s → ${x(f.one.ratio)} (target ≥ 0.85×)`,
  );
  console.log(
    `hashing, one 64 MiB file (typical installer; WebCrypto): ${f.typical.mbPerSecond.toFixed(0)} MB/s in the app vs sha256sum ${f.typical.sha256sumMbPerSecond.toFixed(0)} MB/s → ${x(f.typical.ratio)} (includes the app's page round trip)`,
  );
  console.log(
    `hashing, two 512 MiB files together: ${f.two.mbPerSecond.toFixed(0)} MB/s in the app vs \`sha256sum a b\` ${f.two.sha256sumMbPerSecond.toFixed(0)} MB/s → ${x(f.two.ratio)} (target ≥ 1.0×; two sha256sum processes at once: ${f.two.parallelSha256sumMbPerSecond.toFixed(0)} MB/s)`,
  );
  console.log(
    `hashing, digests shown by the app equal sha256sum's: ${f.digestsAgree ? 'yes' : 'NO'}`,
  );
  console.log(
    `hashing, 4 GiB sparse file: renderer RSS grew at most ${f.memory.rssGrowthMb.toFixed(0)} MB (/proc VmRSS of the renderer processes), main-thread JS heap ${f.memory.jsHeapGrowthMb.toFixed(0)} MB (CDP JSHeapUsedSize); ${f.memory.seconds.toFixed(1)} s (target ≤ 256 MB)`,
  );
}
