import { expect, test } from '@playwright/test';

test('the page opens with the Wingsmith title', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page).toHaveTitle(/^Wingsmith/);
  await expect(page.getByRole('heading', { name: 'Wingsmith' })).toBeVisible();
  expect(errors).toEqual([]);
});
