/**
 * A new deploy reaches an open tab without serving stale code forever: the page served from a folder of its own,
 * visited once, then the folder's service worker changes as a deploy would change it. The next visit says an
 * update is available; `Reload to update` switches to it and keeps the draft.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DIST } from '../tools/e2e-dist';
import { serveStaticSite, type StaticSite } from './static-site';

test.use({ serviceWorkers: 'allow' });

let site: StaticSite;
let folder: string;

test.beforeEach(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'wingsmith-deploy-'));
  cpSync(E2E_DIST, folder, { recursive: true });
  site = await serveStaticSite(folder);
});

test.afterEach(async () => {
  await site.close();
  rmSync(folder, { recursive: true, force: true });
});

const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'A new version of Wingsmith is available' });

/** The script of the worker in each state, as the page's registration sees it. */
const workers = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { active: registration?.active?.state ?? null, waiting: registration?.waiting?.state ?? null };
  });

test('a new deploy shows "update available", and Reload to update takes it and keeps the draft', async ({ page }) => {
  await page.goto(site.url);
  await expect(page.getByRole('tab', { name: 'Form', exact: true })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.Deployed');
  // Nothing new yet: a reload under the same deploy says nothing.
  await page.reload();
  await expect(page.getByLabel('PackageIdentifier').first()).toHaveValue('Contoso.Deployed');
  await expect(notice(page)).toHaveCount(0);

  // A deploy: the service worker's bytes change (its precache list would, with new chunk names).
  appendFileSync(path.join(folder, 'sw.js'), '\n// the next deploy\n');
  await page.reload();
  await expect(notice(page)).toBeVisible({ timeout: 20_000 });
  expect(await workers(page)).toEqual({ active: 'activated', waiting: 'installed' });

  // The waiting worker takes over, and the page reloads itself under it.
  const reloaded = page.waitForEvent('load', { timeout: 20_000 });
  await notice(page).getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  await expect(page.getByRole('tab', { name: 'Form', exact: true })).toBeVisible();
  expect(await workers(page)).toEqual({ active: 'activated', waiting: null });
  await expect(notice(page)).toHaveCount(0);
  await expect(page.getByLabel('PackageIdentifier').first()).toHaveValue('Contoso.Deployed');
});
