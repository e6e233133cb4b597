/**
 * Installers fetched by URL through the app's real pipeline: the built app in headless Chromium, an installer
 * served by a loopback server (with CORS, as a download host or GitHub's asset storage sends it), `Fetch`
 * clicked, timed until the hash shows; against `curl -s URL | sha256sum` on the same URL in the same run.
 * Memory: the renderer processes' resident set while a 4 GiB download is hashed and kept for analysis (OPFS).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tools/chromium';
import { chromiumProcesses, rssKb, spawnBuiltApp, waitForServer } from './measure';

const REPO = path.resolve(import.meta.dirname, '..');
const MIB = 1024 * 1024;
const PORT = Number(process.env.WINGSMITH_BENCH_PORT ?? 4392);
const APP = `http://127.0.0.1:${PORT}/`;

export interface FetchingFigures {
  one: { mbPerSecond: number; curlMbPerSecond: number; ratio: number; digestsAgree: boolean };
  /** Renderer processes (the tab and its workers) and the browser process, which holds OPFS writes in flight. */
  memory: { rssGrowthMb: number; othersMb: Record<string, number>; seconds: number; digestAgrees: boolean };
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

/** `curl -s URL | sha256sum`, asynchronously: the file server runs in this process and must keep answering. */
function curlSha256(url: string): Promise<{ seconds: number; digest: string }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `curl -s '${url}' | sha256sum`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ seconds: (performance.now() - t) / 1000, digest: out.split(' ')[0]!.toUpperCase() }) : reject(new Error(`curl ${url} failed`))));
  });
}

/** The app on a new manifest with `url` typed in; `go` clicks Fetch and waits for the hash in InstallerSha256. */
async function prepareFetch(page: Page, url: string): Promise<{ go: () => Promise<{ seconds: number; digest: string }> }> {
  await page.goto(APP);
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  const group = page.getByRole('group', { name: 'Installer 1', exact: true });
  await group.getByLabel('InstallerUrl', { exact: true }).fill(url);
  const sha = group.getByLabel('InstallerSha256', { exact: true });
  return {
    async go() {
      const t = performance.now();
      await group.getByRole('button', { name: 'Fetch', exact: true }).click();
      // The form may re-render the field when the hash lands, so poll the locator rather than hold an element.
      const end = Date.now() + 900_000;
      let digest = '';
      while ((digest = await sha.inputValue().catch(() => '')).length !== 64) {
        if (Date.now() > end) throw new Error(`no hash for ${url} after 900 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return { seconds: (performance.now() - t) / 1000, digest: digest.toUpperCase() };
    },
  };
}

async function fetchInApp(page: Page, url: string): Promise<{ seconds: number; digest: string }> {
  return (await prepareFetch(page, url)).go();
}

export async function benchFetching(): Promise<FetchingFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wingsmith-fetch-bench-'));
  let app: { stop: () => void } | undefined;
  let files: Server | undefined;
  let browser: BrowserContext | undefined;
  try {
    const outDir = path.join(dir, 'dist');
    app = spawnBuiltApp(outDir, PORT);
    const served = path.join(dir, 'served');
    run('mkdir', ['-p', served]);
    // Random, so no layer can take a short cut; read from the page cache by both sides.
    run('sh', ['-c', `head -c ${1024 * MIB} /dev/urandom > '${served}/one-1GiB.exe' && head -c ${64 * MIB} /dev/urandom > '${served}/warm.exe'`]);
    run('truncate', ['-s', String(4096 * MIB), path.join(served, 'big-4GiB.exe')]);
    const server = await fileServer(served);
    files = server.server;
    await waitForServer(APP, 60_000);
    // A profile on disk, as a user has: an incognito context keeps OPFS in the browser process's memory.
    browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
    const page = browser.pages()[0] ?? (await browser.newPage());
    console.error('fetching: warm-up (64 MiB)…');
    await fetchInApp(page, `${server.base}/warm.exe`);
    console.error('fetching: 1 GiB, twice each…');

    const oneUrl = `${server.base}/one-1GiB.exe`;
    const curl = [await curlSha256(oneUrl), await curlSha256(oneUrl)];
    const inApp = [await fetchInApp(page, oneUrl), await fetchInApp(page, oneUrl)];
    const curlBest = Math.min(...curl.map((c) => c.seconds));
    const appBest = Math.min(...inApp.map((c) => c.seconds));
    const mb = (n: number) => (n * MIB) / 1e6;
    const reference = curl[0]!.digest;

    // A fresh tab (its own renderer process), measured from the moment the app is ready in it.
    await page.close();
    const tab = await browser.newPage();
    const big = await prepareFetch(tab, `${server.base}/big-4GiB.exe`);
    const processes = chromiumProcesses();
    const base = new Map(processes.map((p) => [p.pid, rssKb(p.pid)]));
    // The largest growth of any one process of each type: the tab is a renderer (its workers run in it).
    const peakByType = new Map<string, number>();
    let done = false;
    const sampler = (async () => {
      while (!done) {
        for (const p of processes) peakByType.set(p.type, Math.max(peakByType.get(p.type) ?? 0, rssKb(p.pid) - base.get(p.pid)!));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    console.error('fetching: 4 GiB, memory sampled…');
    const fetched = await big.go();
    done = true;
    await sampler;
    const bigReference = (await curlSha256(`${server.base}/big-4GiB.exe`)).digest;
    return {
      one: { mbPerSecond: mb(1024) / appBest, curlMbPerSecond: mb(1024) / curlBest, ratio: curlBest / appBest, digestsAgree: inApp.every((r) => r.digest === reference) },
      memory: {
        rssGrowthMb: ((peakByType.get('renderer') ?? 0) * 1024) / 1e6,
        othersMb: Object.fromEntries([...peakByType].filter(([type]) => type !== 'renderer').map(([type, kb]) => [type, (kb * 1024) / 1e6])),
        seconds: fetched.seconds, digestAgrees: fetched.digest === bigReference },
    };
  } finally {
    await browser?.close();
    files?.closeAllConnections();
    files?.close();
    app?.stop();
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
    `fetching, 4 GiB download: renderer RSS grew at most ${f.memory.rssGrowthMb.toFixed(0)} MB (/proc VmRSS of the renderer processes; bytes beyond 64 MiB go to OPFS), other processes: ${Object.entries(f.memory.othersMb).map(([type, mb]) => `${type} ${mb.toFixed(0)} MB`).join(', ')}; ${f.memory.seconds.toFixed(1)} s (target ≤ 256 MB)`,
  );
}
