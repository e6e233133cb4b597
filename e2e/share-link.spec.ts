import { expect, test, type Page, type Request } from '@playwright/test';

/** Every request the page makes, with its URL and body, to prove a share link's files never leave the browser. */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => seen.push(`${request.url()}\n${request.postData() ?? ''}`));
  return seen;
}

test('a share link opens the draft in another browser, as a new draft, and is never sent', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.Shared');
  await page.getByLabel('PackageVersion').first().fill('2.5.0');
  await page.getByLabel('Publisher').first().fill('Contoso Ltd');
  await page.getByRole('button', { name: 'Share link' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#share=1\./);
  const link = await field.inputValue();
  expect(link.startsWith(new URL('/', baseURL).href)).toBe(true);
  const payload = link.slice(link.indexOf('#') + 1);

  // Someone else, with a draft of their own.
  const other = await browser.newContext();
  const theirs = await other.newPage();
  const requests = recordRequests(theirs);
  await theirs.goto('/');
  await theirs.getByLabel('PackageIdentifier').first().fill('Fabrikam.Mine');
  await theirs.waitForTimeout(600);
  await theirs.goto(link);
  await expect(theirs.getByLabel('PackageIdentifier').first()).toHaveValue('Contoso.Shared');
  await expect(theirs.getByLabel('PackageVersion').first()).toHaveValue('2.5.0');
  await expect(theirs.getByLabel('Publisher').first()).toHaveValue('Contoso Ltd');
  // The fragment leaves the address bar, so a reload makes no second copy.
  await expect(theirs).toHaveURL(/^[^#]*$/);
  await theirs.getByRole('button', { name: /^Drafts/ }).click();
  const drafts = theirs.getByRole('list', { name: 'Drafts' });
  await expect(drafts.getByRole('button', { name: /^Fabrikam\.Mine/ })).toBeVisible();
  await expect(drafts.getByRole('button', { name: /^Contoso\.Shared/ })).toBeVisible();
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((r) => r.includes(payload.slice(8, 60)))).toEqual([]);
  await other.close();
});

test('a damaged share link says so and makes no draft', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.Kept');
  await page.waitForTimeout(600);
  await page.goto('/#share=1.bm90IGRlZmxhdGU');
  await expect(page.getByRole('alert').filter({ hasText: 'This share link is damaged' })).toBeVisible();
  await expect(page.getByLabel('PackageIdentifier').first()).toHaveValue('Contoso.Kept');
  await page.getByRole('button', { name: /^Drafts/ }).click();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(1);
});
