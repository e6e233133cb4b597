import { expect, test } from '@playwright/test';

test('reload restores the draft, the view and the YAML tab', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.DraftTest');
  await page.getByLabel('PackageVersion').first().fill('3.1.4');
  await page.getByLabel('Publisher', { exact: false }).first().fill('Contoso');
  await expect(page).toHaveTitle(/^Wingsmith.*Contoso\.DraftTest 3\.1\.4/);

  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'YAML', exact: true })).toHaveAttribute('aria-selected', 'true');
  // Saved within a second of the last change.
  await page.waitForTimeout(1000);
  await page.reload();

  await expect(page.getByRole('tab', { name: 'YAML', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveTitle(/Contoso\.DraftTest 3\.1\.4/);
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await expect(page.getByLabel('PackageIdentifier').first()).toHaveValue('Contoso.DraftTest');
  await expect(page.getByLabel('PackageVersion').first()).toHaveValue('3.1.4');
  await expect(page.getByLabel('Publisher').first()).toHaveValue('Contoso');
});

test('the draft list switches between drafts', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.First');
  await page.getByRole('button', { name: 'New manifest' }).click();
  await expect(page.getByLabel('PackageIdentifier').first()).toHaveValue('');
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.Second');
  await page.getByRole('button', { name: /^Drafts/ }).click();
  const list = page.getByRole('list', { name: 'Drafts' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await list.getByRole('button', { name: /^Contoso\.First/ }).click();
  await expect(page.getByLabel('PackageIdentifier').first()).toHaveValue('Contoso.First');
});

test('the views are tabs that arrow keys move between', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Form', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'YAML', exact: true })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'YAML', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Preview', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
});

test('a second tab on the same draft is warned instead of overwriting it', async ({ page, context }) => {
  await page.goto('/');
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.TwoTabs');
  await page.waitForTimeout(800);
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByLabel('PackageIdentifier').first()).toHaveValue('Contoso.TwoTabs');

  await other.getByLabel('PackageVersion').first().fill('2.0.0');
  const banner = page.getByRole('alert').filter({ hasText: 'This draft changed in another tab' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByLabel('PackageVersion').first()).toHaveValue('2.0.0');
});

test('reload restores the scroll position of the view', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto('/');
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.Scroll');
  await page.getByRole('button', { name: 'Add installer' }).click();
  await page.getByRole('button', { name: 'Add installer' }).click();
  await page.evaluate(() => window.scrollTo(0, 700));
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByLabel('PackageIdentifier').first()).toHaveValue('Contoso.Scroll');
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(700);
});
