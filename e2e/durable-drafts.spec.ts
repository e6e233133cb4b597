/**
 * Every edit survives a reload or a closed tab right after it (0, 30 and 100 ms later), many times over, in real
 * Chromium: the journal is written in the same task as the keystroke, IndexedDB later.
 */
import { expect, test, type Page } from '@playwright/test';

const DELAYS = [0, 30, 100];
const ROUNDS = 5;

async function identifier(page: Page) {
  const field = page.getByLabel('PackageIdentifier').first();
  await expect(field).toBeVisible();
  return field;
}

test('an edit followed at once by a reload comes back, every time', async ({ page }) => {
  await page.goto('/');
  let lost = 0;
  for (const delay of DELAYS) {
    for (let round = 0; round < ROUNDS; round++) {
      const value = `Contoso.Reload${delay}x${round}`;
      await (await identifier(page)).fill(value);
      if (delay > 0) await page.waitForTimeout(delay);
      await page.reload();
      const got = await (await identifier(page)).inputValue();
      if (got !== value) lost++;
      expect(got, `after a reload ${delay} ms after typing`).toBe(value);
    }
  }
  expect(lost).toBe(0);
});

test('an edit followed at once by closing the tab comes back in the next tab, every time', async ({ context }) => {
  let page = await context.newPage();
  await page.goto('/');
  for (const delay of DELAYS) {
    for (let round = 0; round < ROUNDS; round++) {
      const value = `Contoso.Close${delay}x${round}`;
      await (await identifier(page)).fill(value);
      if (delay > 0) await page.waitForTimeout(delay);
      await page.close();
      page = await context.newPage();
      await page.goto('/');
      expect(await (await identifier(page)).inputValue(), `after closing the tab ${delay} ms after typing`).toBe(value);
    }
  }
  // The restored draft was the one being edited, not a copy: one draft in the list.
  await page.getByRole('button', { name: /^Drafts/ }).click();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(1);
});

test('a YAML edit followed at once by a reload comes back', async ({ page }) => {
  await page.goto('/');
  await (await identifier(page)).fill('Contoso.Yaml');
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toContainText('Contoso.Yaml');
  await editor.locator('.view-lines').getByText('Contoso.Yaml').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type('Typed');
  await page.reload();
  await expect(page.locator('.monaco-editor').first()).toContainText('Contoso.YamlTyped');
});

test('without IndexedDB the page says the draft is not being saved, offers Export zip, and keeps what is typed', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
  });
  await page.goto('/');
  await (await identifier(page)).fill('Contoso.NoStorage');
  const banner = page.getByRole('alert').filter({ hasText: 'This draft is not being saved' });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Export zip' })).toBeVisible();
  await expect(await identifier(page)).toHaveValue('Contoso.NoStorage');
});

test('a full disk (quota exceeded) is told as such', async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/');
  await (await identifier(page)).fill('Contoso.Full');
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toBeVisible();
  await expect(await identifier(page)).toHaveValue('Contoso.Full');
});
