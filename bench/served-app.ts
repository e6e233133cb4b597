import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

export const BENCH_DIST = path.resolve(import.meta.dirname, '..', '.bench-tmp', 'dist');

/** A production build in its own folder (never the tests' dist/), served by `vite preview` on a free port. */
export async function serveProductionBuild(): Promise<{ url: string; server: PreviewServer }> {
  await build({ logLevel: 'warn', build: { outDir: BENCH_DIST, emptyOutDir: true } });
  const server = await preview({ logLevel: 'warn', build: { outDir: BENCH_DIST }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, server };
}
