/**
 * `npm run screenshots`: every view and dialog of the built app, light and dark, wide and narrow, into docs/images/.
 * The manifest shown is a real one (../shared's Microsoft.VisualStudioCode), imported the way a user would.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { serveProductionBuild } from '../bench/served-app';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';

const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'images');
const EXAMPLE = path.resolve(import.meta.dirname, '..', '..', 'shared', 'winget-pkgs-examples', 'manifests', 'm', 'Microsoft', 'VisualStudioCode', '1.95.3');
const SIZES = { wide: { width: 1440, height: 900 }, narrow: { width: 390, height: 844 } } as const;
const THEMES = ['light', 'dark'] as const;

type Size = keyof typeof SIZES;
type Theme = (typeof THEMES)[number];

async function open(browser: Browser, url: string, theme: Theme, size: Size): Promise<Page> {
  const context = await browser.newContext({ viewport: SIZES[size], colorScheme: theme, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('tab', { name: 'Form', exact: true }).waitFor();
  return page;
}

async function importExample(page: Page): Promise<void> {
  const files = readdirSync(EXAMPLE).map((f) => path.join(EXAMPLE, f));
  await page.getByLabel('Manifest files', { exact: true }).setInputFiles(files);
  await page.getByLabel('PackageIdentifier').first().waitFor();
  await page.waitForFunction(() => (document.querySelector('input[name="PackageIdentifier"]') as HTMLInputElement | null)?.value !== '');
  // The "Imported …" notice goes by itself after a few seconds; pictures are taken without it.
  await page.getByText(/^Imported /).waitFor({ state: 'hidden', timeout: 15_000 });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log(`docs/images/${name}.png`);
}

async function views(browser: Browser, url: string, theme: Theme, size: Size): Promise<void> {
  const page = await open(browser, url, theme, size);
  await shot(page, `start-${theme}-${size}`);
  await importExample(page);
  await shot(page, `form-${theme}-${size}`);
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await shot(page, `yaml-${theme}-${size}`);
  await page.getByRole('tab', { name: 'Preview', exact: true }).click();
  await shot(page, `preview-${theme}-${size}`);
  await page.context().close();
}

const DIALOGS = [
  ['Settings', 'settings'],
  ['Update existing package', 'update-existing-package'],
  ['Import GitHub release', 'import-github-release'],
  ['Edit open pull request', 'edit-open-pull-request'],
  ['Open pull request', 'open-pull-request'],
] as const;

async function dialogs(browser: Browser, url: string, theme: Theme): Promise<void> {
  const page = await open(browser, url, theme, 'wide');
  await importExample(page);
  for (const [button, name] of DIALOGS) {
    await page.getByRole('button', { name: button, exact: true }).first().click();
    await page.getByRole('dialog').first().waitFor();
    await shot(page, `dialog-${name}-${theme}`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').first().waitFor({ state: 'hidden' });
  }
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.getByRole('textbox', { name: 'Share link' }).waitFor();
  await shot(page, `share-link-${theme}`);
  await page.context().close();
}

mkdirSync(OUT, { recursive: true });
const { url, server } = await serveProductionBuild();
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
try {
  for (const theme of THEMES) {
    for (const size of Object.keys(SIZES) as Size[]) await views(browser, url, theme, size);
    await dialogs(browser, url, theme);
  }
} finally {
  await browser.close();
  await server.close();
}
