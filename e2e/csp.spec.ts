/**
 * The built page's Content-Security-Policy holds everywhere: no view, dialog or job trips it. Violations are
 * collected from the moment the page starts; the WebAssembly SHA-256 (files above 96 MiB) runs in its worker.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.cspViolations ?? []);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

test('the policy is there and strict: no inline script without its hash, no plugins, no base', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  // An inline script that is not the theme boot script is refused.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.head.append(s);
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src/)]);
});

test('no view, dialog or installer job trips the policy', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Form', exact: true })).toBeVisible();
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.Csp');
  for (const view of ['YAML', 'Preview', 'Form']) {
    await page.getByRole('tab', { name: view, exact: true }).click();
    await expect(page.getByRole('tab', { name: view, exact: true })).toHaveAttribute('aria-selected', 'true');
  }
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  for (const [button, dialog] of [
    ['Settings', 'Settings'],
    ['Update existing package', 'Update existing package'],
    ['Import GitHub release', 'Import GitHub release'],
    ['Edit open pull request', 'Edit open pull request'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).first().click();
    const open = page.getByRole('dialog', { name: dialog });
    await expect(open).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(open).toBeHidden();
  }
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#share=/);

  // A file past the whole-file limit is hashed by the WebAssembly SHA-256 in the installer worker.
  const dir = mkdtempSync(path.join(tmpdir(), 'wingsmith-csp-'));
  try {
    const file = path.join(dir, 'big-setup.exe');
    const bytes = Buffer.alloc(97 * 1024 * 1024, 7);
    writeFileSync(file, bytes);
    const expected = createHash('sha256').update(bytes).digest('hex').toUpperCase();
    await page.getByRole('tab', { name: 'Form', exact: true }).click();
    await page.getByLabel('Installer files', { exact: true }).setInputFiles(file);
    const hashes = () => page.getByRole('textbox', { name: /\bInstallerSha256\b/ }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await expect.poll(hashes, { timeout: 60_000 }).toContain(expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(await violations(page)).toEqual([]);
});
