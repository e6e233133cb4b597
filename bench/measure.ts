/** What the browser benches share: waiting for a server, and the renderer processes' memory from /proc. */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';

export async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not start`);
}

/** Resident memory of a process in KiB: all of it (`VmRSS`), or only what is not a mapped file (`RssAnon`). */
export function rssKb(pid: number, kind: 'VmRSS' | 'RssAnon' = 'VmRSS'): number {
  try {
    const m = new RegExp(`${kind}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export async function rendererPids(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  return info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/**
 * Chromium's processes on this machine by type (`browser` for the main one). A persistent context has no Browser
 * object to ask, so /proc is read; the bench's Chromium must be the only one running.
 */
export function chromiumProcesses(): { pid: number; type: string }[] {
  const out: { pid: number; type: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    // Chromium rewrites its children's command lines as one space-separated string, so match within the text.
    if (!/^\S*(chromium|chrome)\S*/.test(cmdline)) continue;
    out.push({ pid: Number(entry), type: /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser' });
  }
  return out;
}

const REPO = path.resolve(import.meta.dirname, '..');

/**
 * A production build in `outDir` served by `vite preview` in a process of its own (so it never shares this
 * process's event loop with what it is measured against); `stop` ends it. Wait for it with `waitForServer`.
 */
export function spawnBuiltApp(outDir: string, port: number): { url: string; stop: () => void } {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], { cwd: REPO, stdio: 'ignore', detached: true });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop() {
      if (!server.pid) return;
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    },
  };
}
