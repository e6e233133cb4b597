import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeManifestSet } from '../src/core/model/write-set';
import type { ManifestSet } from '../src/core/model/types';
import { launchChromium } from './browser';
import { BENCH_DIST, serveProductionBuild } from './served-app';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

/** Gzip size of the JS the first page load needs: the entry script and its module preloads (lazy chunks excluded). */
export function initialJsGzip(): { bytes: number; files: string[] } {
  const html = readFileSync(path.join(BENCH_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(BENCH_DIST, f)), { level: 9 }).length, 0);
  return { bytes, files };
}

/** A package version with 20 installers and 10 locales, the size the keystroke target is set for. */
function bigSet(): ManifestSet {
  const id = 'Contoso.BigPackage';
  const base = { PackageIdentifier: id, PackageVersion: '2.0.0', ManifestVersion: '1.12.0' };
  const archs = ['x86', 'x64', 'arm64', 'arm', 'neutral'] as const;
  const installers = Array.from({ length: 20 }, (_, i) => ({
    Architecture: archs[i % 5]!,
    Scope: i % 10 < 5 ? ('user' as const) : ('machine' as const),
    InstallerLocale: i < 10 ? 'en-US' : 'de-DE',
    InstallerUrl: `https://example.com/downloads/big-${i}.exe`,
    InstallerSha256: i.toString(16).padStart(64, 'A').toUpperCase(),
  }));
  const tags = ['en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'ja-JP', 'ko-KR', 'zh-CN', 'pt-BR'];
  const locale = (tag: string) => ({
    ...base, PackageLocale: tag, Publisher: 'Contoso', PackageName: `Big Package ${tag}`, License: 'MIT',
    ShortDescription: `A large package used to measure the editor (${tag}).`,
    Description: 'A longer description.\nWith a second line.', Tags: ['bench', 'editor', tag.toLowerCase()],
  });
  return {
    version: { ...base, DefaultLocale: 'en-US', ManifestType: 'version' },
    installer: { ...base, InstallerType: 'inno', Installers: installers, ManifestType: 'installer' },
    defaultLocale: { ...locale('en-US'), ManifestType: 'defaultLocale' },
    locales: tags.map((t) => ({ ...locale(t), ManifestType: 'locale' })),
  } as ManifestSet;
}

export async function benchApp(): Promise<{ fcpMs: number; fcpRuns: number[]; readyMs: number; initialJs: ReturnType<typeof initialJsGzip>; keystroke: { p50: number; p95: number; samples: number } }> {
  const { url, server } = await serveProductionBuild();
  const browser = await launchChromium();
  try {
    const fcpRuns: number[] = [];
    const readyRuns: number[] = [];
    for (let i = 0; i < 10; i++) {
      const context = await browser.newContext(); // cold cache and empty storage each time
      const page = await context.newPage();
      await page.goto(url);
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const entry = performance.getEntriesByName('first-contentful-paint')[0];
            if (entry) return resolve(entry.startTime);
            new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
          }),
      );
      fcpRuns.push(fcp);
      // FCP is the static header in index.html; also report when the editor itself is usable.
      await page.getByRole('tab', { name: 'Form' }).waitFor();
      readyRuns.push(await page.evaluate(() => performance.now()));
      await context.close();
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('tab', { name: 'Form' }).waitFor();
    const written = writeManifestSet(bigSet(), {});
    await page.getByLabel('Manifest files', { exact: true }).setInputFiles(
      written.files.map((f) => ({ name: f.name, mimeType: 'application/yaml', buffer: Buffer.from(f.text) })),
    );
    const group = page.getByRole('group', { name: 'Default locale' });
    const field = group.getByLabel('PackageName', { exact: true });
    await field.waitFor();
    await page.waitForTimeout(1000);
    await field.click();
    await field.press('End');
    await page.evaluate(() => {
      const w = window as unknown as { __keys: number[] };
      w.__keys = [];
      document.addEventListener('keydown', (e) => w.__keys.push(e.timeStamp), { capture: true });
      performance.clearMarks('wingsmith:yaml-updated');
    });
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
      await page.waitForFunction((n) => performance.getEntriesByName('wingsmith:yaml-updated').length >= n, i + 1, { timeout: 5000 });
    }
    const pairs = await page.evaluate(() => ({
      keys: (window as unknown as { __keys: number[] }).__keys,
      marks: performance.getEntriesByName('wingsmith:yaml-updated').map((m) => m.startTime),
    }));
    for (let i = 0; i < pairs.keys.length; i++) samples.push(pairs.marks[i]! - pairs.keys[i]!);
    await context.close();
    return {
      fcpMs: median(fcpRuns),
      fcpRuns,
      readyMs: median(readyRuns),
      initialJs: initialJsGzip(),
      keystroke: { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
