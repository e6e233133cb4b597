/**
 * Installers fetched by URL through the app's real pipeline: the built app in headless Chromium, an installer
 * served by a loopback server (with CORS, as a download host or GitHub's asset storage sends it), `Fetch`
 * clicked, timed until the hash shows; against `curl -s URL | sha256sum` on the same URL in the same run.
 * Memory: the renderer processes' resident set while a 4 GiB download is hashed and kept for analysis (OPFS).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './browser';
import { rendererPids, rssKb, waitForServer } from './measure';

const REPO = path.resolve(import.meta.dirname, '..');
const MIB = 1024 * 1024;
const PORT = Number(process.env.WINGSMITH_BENCH_PORT ?? 4392);
const APP = `http://127.0.0.1:${PORT}/`;

export interface FetchingFigures {
  one: { mbPerSecond: number; curlMbPerSecond: number; ratio: number; digestsAgree: boolean };
  memory: { rssGrowthMb: number; seconds: number; digestAgrees: boolean };
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
  return r.stdout;
}

/** Serves the files of `dir` by name, with CORS and Content-Length, streamed from disk. */
async function fileServer(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const file = path.join(dir, path.basename(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
      return;
    }
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/octet-stream', 'Content-Length': size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file, { highWaterMark: 1 << 20 }).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function curlSha256(url: string): { seconds: number; digest: string } {
  const t = performance.now();
  const out = run('sh', ['-c', `curl -s '${url}' | sha256sum`]);
  return { seconds: (performance.now() - t) / 1000, digest: out.split(' ')[0]!.toUpperCase() };
}

/** Seconds from clicking Fetch to the hash in InstallerSha256; and that hash. */
async function fetchInApp(page: Page, url: string): Promise<{ seconds: number; digest: string }> {
  await page.goto(APP);
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  const group = page.getByRole('group', { name: 'Installer 1', exact: true });
  await group.getByLabel('InstallerUrl', { exact: true }).fill(url);
  const sha = group.getByLabel('InstallerSha256', { exact: true });
  const t = performance.now();
  await group.getByRole('button', { name: 'Fetch', exact: true }).click();
  await page.waitForFunction((el) => (el as HTMLInputElement).value.length === 64, await sha.elementHandle(), { polling: 20, timeout: 900_000 });
  const seconds = (performance.now() - t) / 1000;
  return { seconds, digest: (await sha.inputValue()).toUpperCase() };
}

export async function benchFetching(): Promise<FetchingFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wingsmith-fetch-bench-'));
  let app: ChildProcess | undefined;
  let files: Server | undefined;
  let browser: Browser | undefined;
  try {
    const outDir = path.join(dir, 'dist');
    run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir]);
    app = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', outDir], { cwd: REPO, stdio: 'ignore', detached: true });
    const served = path.join(dir, 'served');
    run('mkdir', ['-p', served]);
    // Random, so no layer can take a short cut; read from the page cache by both sides.
    run('sh', ['-c', `head -c ${1024 * MIB} /dev/urandom > '${served}/one-1GiB.exe' && head -c ${64 * MIB} /dev/urandom > '${served}/warm.exe'`]);
    run('truncate', ['-s', String(4096 * MIB), path.join(served, 'big-4GiB.exe')]);
    const server = await fileServer(served);
    files = server.server;
    await waitForServer(APP, 60_000);
    browser = await launchChromium();
    const page = await browser.newPage();
    await fetchInApp(page, `${server.base}/warm.exe`);

    const oneUrl = `${server.base}/one-1GiB.exe`;
    const curl = [curlSha256(oneUrl), curlSha256(oneUrl)];
    const inApp = [await fetchInApp(page, oneUrl), await fetchInApp(page, oneUrl)];
    const curlBest = Math.min(...curl.map((c) => c.seconds));
    const appBest = Math.min(...inApp.map((c) => c.seconds));
    const mb = (n: number) => (n * MIB) / 1e6;
    const reference = curl[0]!.digest;

    const pids = await rendererPids(browser);
    const base = new Map(pids.map((pid) => [pid, rssKb(pid)]));
    let peakKb = 0;
    let done = false;
    const sampler = (async () => {
      while (!done) {
        for (const pid of pids) peakKb = Math.max(peakKb, rssKb(pid) - base.get(pid)!);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const big = await fetchInApp(page, `${server.base}/big-4GiB.exe`);
    done = true;
    await sampler;
    const bigReference = curlSha256(`${server.base}/big-4GiB.exe`).digest;
    return {
      one: { mbPerSecond: mb(1024) / appBest, curlMbPerSecond: mb(1024) / curlBest, ratio: curlBest / appBest, digestsAgree: inApp.every((r) => r.digest === reference) },
      memory: { rssGrowthMb: (peakKb * 1024) / 1e6, seconds: big.seconds, digestAgrees: big.digest === bigReference },
    };
  } finally {
    await browser?.close();
    files?.closeAllConnections();
    files?.close();
    if (app?.pid) {
      try {
        process.kill(-app.pid);
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printFetching(f: FetchingFigures, engineMbPerSecond?: number): void {
  const ceiling = engineMbPerSecond === undefined ? '' : `; the app's SHA-256 engine alone, from memory: ${engineMbPerSecond.toFixed(0)} MB/s`;
  console.log(
    `fetching, one 1 GiB file from a loopback server: ${f.one.mbPerSecond.toFixed(0)} MB/s in the app (download + hash + kept for analysis) vs \`curl -s URL | sha256sum\` ${f.one.curlMbPerSecond.toFixed(0)} MB/s → ${f.one.ratio.toFixed(2)}× (aim ≥ 0.85×${ceiling})`,
  );
  console.log(`fetching, digests in InstallerSha256 equal curl | sha256sum's: ${f.one.digestsAgree && f.memory.digestAgrees ? 'yes' : 'NO'}`);
  console.log(
    `fetching, 4 GiB download: renderer RSS grew at most ${f.memory.rssGrowthMb.toFixed(0)} MB (/proc VmRSS of the renderer processes; bytes beyond 64 MiB go to OPFS); ${f.memory.seconds.toFixed(1)} s (target ≤ 256 MB)`,
  );
}
