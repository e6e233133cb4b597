/**
 * After one visit the service worker has the whole site: with the network gone, the page reloads, edits, opens the
 * YAML editor (Monaco and its workers), hashes a file and exports a zip.
 */
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

test('works offline after one visit: edit, YAML, hashing, zip export', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Form', exact: true })).toBeVisible();
  // Installed means precached: workbox fills the cache before the worker activates.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Form', exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await page.getByLabel('PackageIdentifier').first().fill('Contoso.Offline');
  await page.getByLabel('PackageVersion').first().fill('1.0.0');
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('Contoso.Offline');

  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  const bytes = Buffer.from('an installer made offline');
  await page.getByLabel('Installer files', { exact: true }).setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: bytes });
  const expected = createHash('sha256').update(bytes).digest('hex').toUpperCase();
  const hashes = () => page.getByRole('textbox', { name: /\bInstallerSha256\b/ }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  await expect.poll(hashes).toContain(expected);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip', exact: true }).click();
  expect((await downloading).suggestedFilename()).toBe('Contoso.Offline-1.0.0.zip');
});
