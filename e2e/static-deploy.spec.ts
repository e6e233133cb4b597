/**
 * The built site served from a sub-folder, as a GitHub Pages project site or an intranet share would: the page,
 * its lazy chunks, Monaco's workers and the installer workers must all load from there.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DIST } from '../tools/e2e-dist';

const FOLDER = '/tools/wingsmith/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.ttf': 'font/ttf', '.wasm': 'application/wasm' };

let server: Server;
let site: string;

test.beforeAll(async () => {
  const root = path.resolve(E2E_DIST);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const inside = url.pathname.startsWith(FOLDER) ? url.pathname.slice(FOLDER.length) : undefined;
    const file = inside === undefined ? undefined : path.join(root, decodeURIComponent(inside) || 'index.html');
    if (!file || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}${FOLDER}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the built site works from a sub-folder: form, YAML editor and installer hashing', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));

  await page.goto(site);
  await expect(page.getByRole('tab', { name: 'Form', exact: true })).toBeVisible();
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.SubFolder');
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('Contoso.SubFolder');

  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await page.getByLabel('Installer files', { exact: true }).setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('abc') });
  // SHA-256 of "abc" (FIPS 180-4), computed by the installer worker loaded from the sub-folder.
  await expect(page.locator('.installer-hash code')).toHaveText('BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD');

  expect(failed).toEqual([]);
});
