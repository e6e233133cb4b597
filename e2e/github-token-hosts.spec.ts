/**
 * The token goes to the configured API base and nowhere else: every request the page makes is intercepted, and
 * any that carries the token (header, URL or body) to another host, or the token in any URL, fails the test.
 */
import { expect, test } from '@playwright/test';
import type { GitHubDouble } from '../test/github-double/server';
import { CLASSIC_TOKEN, connect, expectNoErrors, fakeSha, formControl, openApp, startDouble } from './github-support';

let double: GitHubDouble;
test.beforeEach(async () => {
  double = await startDouble();
});
test.afterEach(async () => {
  await double.close();
});

test('the token is sent only to the API base URL, and never in a URL', async ({ page }) => {
  const apiOrigin = new URL(double.url).origin;
  const leaks: string[] = [];
  let toApi = 0;
  await page.route('**', async (route) => {
    const request = route.request();
    const url = request.url();
    const headers = await request.allHeaders();
    const body = request.postData() ?? '';
    const carries = headers.authorization !== undefined || body.includes(CLASSIC_TOKEN) ||
      Object.values(headers).some((v) => v.includes(CLASSIC_TOKEN));
    if (url.includes(CLASSIC_TOKEN) || url.includes(encodeURIComponent(CLASSIC_TOKEN))) leaks.push(`token in URL: ${url.replace(CLASSIC_TOKEN, '<token>')}`);
    let origin = '';
    try {
      origin = new URL(url).origin;
    } catch {
      origin = url;
    }
    if (origin === apiOrigin) {
      if (carries) toApi++;
    } else if (carries) {
      leaks.push(`token sent to ${origin}`);
    }
    await route.continue();
  });

  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  // A whole session: load a published version, edit, open the pull request, follow the link.
  await page.getByRole('button', { name: 'Update existing package', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Update existing package' });
  await dialog.getByLabel('Package identifier').fill('Microsoft.AzureCLI');
  await dialog.getByRole('button', { name: 'Load' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.type('2.61.0');
  for (let i = 1; i <= 2; i++) await formControl(page, 'InstallerSha256', `Installer ${i}`).fill(fakeSha(i));
  await expectNoErrors(page);
  await page.getByRole('button', { name: 'Open pull request', exact: true }).click();
  // A next-version draft asks whether to replace the version it came from; this one keeps it.
  await page.getByRole('dialog', { name: 'Open pull request' }).getByRole('button', { name: 'Send pull request' }).click({ timeout: 20_000 });
  const link = page.getByRole('dialog', { name: 'Open pull request' }).getByRole('link', { name: /^Pull request/ });
  await expect(link).toBeVisible({ timeout: 20_000 });
  const href = (await link.getAttribute('href'))!;
  expect(href).not.toContain(CLASSIC_TOKEN);
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Microsoft.AzureCLI');

  expect(toApi).toBeGreaterThan(0);
  expect(leaks).toEqual([]);
  // Nor is it left in the page's storage unless the user opted in.
  await page.goto('/');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(CLASSIC_TOKEN);
});
