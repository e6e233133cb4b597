/**
 * The built site served from a sub-folder, as a GitHub Pages project site or an intranet share would: the page,
 * its lazy chunks, Monaco's workers and the installer workers must all load from there.
 */
import { expect, test } from '@playwright/test';
import { E2E_DIST } from '../tools/e2e-dist';
import { serveStaticSite, type StaticSite } from './static-site';

let server: StaticSite;
let site: string;

test.beforeAll(async () => {
  server = await serveStaticSite(E2E_DIST, '/tools/wingsmith/');
  site = server.url;
});

test.afterAll(() => server.close());

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
