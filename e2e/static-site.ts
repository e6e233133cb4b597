/** The built site served by a plain static server from a folder of the test's choosing, under a URL prefix. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.ttf': 'font/ttf', '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** The site's address, ending in the prefix. */
  url: string;
  close(): Promise<void>;
}

/** Serves `folder` under `prefix` (e.g. `/tools/wingsmith/`); anything outside it, or missing, is 404. */
export async function serveStaticSite(folder: string, prefix = '/'): Promise<StaticSite> {
  const root = path.resolve(folder);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const inside = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : undefined;
    const file = inside === undefined ? undefined : path.join(root, decodeURIComponent(inside) || 'index.html');
    if (!file || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
