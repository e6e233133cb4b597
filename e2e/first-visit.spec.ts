/**
 * The first ten minutes: the Start region and its jobs (by keyboard), a To do list instead of an error wall,
 * the first installer filling the empty Installer 1, and Settings closing on a good token with the login shown.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { GitHubDouble } from '../test/github-double/server';
import { buildInstallers } from '../test/installers/build';
import { EXAMPLES_DIR } from '../test/shared-paths';
import { CLASSIC_TOKEN, connect, openApp, startDouble, UPSTREAM } from './github-support';
import { installer, sha256sum } from './installer-support';

const dir = mkdtempSync(path.join(tmpdir(), 'wingsmith-first-'));
// A worker may run this file's tests in several groups (fullyParallel), each with its own afterAll, while the module
// (and this folder) is loaded once per worker: the folder goes when the worker does.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const FZF = path.join(EXAMPLES_DIR, 'manifests/j/junegunn/fzf/0.56.3');
const FZF_FILES = ['junegunn.fzf.yaml', 'junegunn.fzf.installer.yaml', 'junegunn.fzf.locale.en-US.yaml'].map((f) => path.join(FZF, f));
const JOBS = ['New package', 'Update existing package', 'Import GitHub release', 'Open manifest files', 'Edit open pull request'];

const start = (page: Page) => page.getByRole('region', { name: 'Start', exact: true });
const job = (page: Page, name: string) => start(page).getByRole('button', { name: new RegExp(`^${name}\\b`) });
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const todoList = (page: Page) => problems(page).getByRole('list', { name: /^To do/ });
/** Problems' items start with their severity (`error`, `warning`, `To do`). */
const errorItems = (page: Page) => problems(page).getByRole('listitem').filter({ hasText: /^error\b/i });

/** Tabs forward from where focus is until `target` has it, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function fromTheTop(page: Page): Promise<void> {
  await page.locator('body').evaluate((body) => {
    (document.activeElement as HTMLElement | null)?.blur();
    body.focus();
  });
}

test('a first visit opens on Start: every job by keyboard, each opening its own thing', async ({ page }) => {
  await page.goto('/');
  await expect(start(page)).toBeVisible();
  await expect(start(page).getByRole('heading', { name: 'Start' })).toBeVisible();
  for (const name of JOBS) await expect(job(page, name)).toHaveCount(1);
  await expect(job(page, 'Edit open pull request')).toContainText('Needs a GitHub token');
  await expect(job(page, 'Import GitHub release')).toContainText('No token for a public repository');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).include('section.start').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
    expect(result.violations.map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  // The three dialogs are the header's own: Escape closes them, focus comes back, and Start stays (nothing picked).
  for (const name of ['Update existing package', 'Import GitHub release', 'Edit open pull request']) {
    await fromTheTop(page);
    await tabTo(page, job(page, name));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(job(page, name)).toBeFocused();
  }

  // Open manifest files opens the file chooser of `Manifest files`; the files chosen become the draft.
  await fromTheTop(page);
  await tabTo(page, job(page, 'Open manifest files'));
  const choosing = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await choosing).setFiles(FZF_FILES);
  await expect(page.getByRole('textbox', { name: 'PackageIdentifier', exact: true })).toHaveValue('junegunn.fzf');
  await expect(start(page)).toHaveCount(0);

  // After New manifest it is back; New package puts the cursor in PackageIdentifier and goes.
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  await expect(start(page)).toBeVisible();
  await fromTheTop(page);
  await tabTo(page, job(page, 'New package'));
  await page.keyboard.press('Enter');
  await expect(start(page)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'PackageIdentifier', exact: true })).toBeFocused();
});

test('Start goes as soon as the user types, and comes back after New manifest with the drafts in progress', async ({ page }) => {
  await page.goto('/');
  await expect(start(page)).toBeVisible();
  await page.getByLabel('PackageIdentifier', { exact: true }).fill('Contoso.Begun');
  await expect(start(page)).toHaveCount(0);
  // Erased again, it is still a draft someone began.
  await page.getByLabel('PackageIdentifier', { exact: true }).fill('');
  await expect(start(page)).toHaveCount(0);
  await page.getByLabel('PackageIdentifier', { exact: true }).fill('Contoso.Begun');

  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  const drafts = start(page).getByRole('list', { name: 'Continue a draft' });
  await expect(drafts.getByRole('button', { name: /^Contoso\.Begun/ })).toBeVisible();
  await drafts.getByRole('button', { name: /^Contoso\.Begun/ }).click();
  await expect(page.getByLabel('PackageIdentifier', { exact: true })).toHaveValue('Contoso.Begun');
  await expect(start(page)).toHaveCount(0);
});

test('a fresh page lists no errors but a To do list with its count; a typed wrong value is an error at once', async ({ page }) => {
  await page.goto('/');
  await expect(todoList(page).getByRole('listitem')).toHaveCount(9);
  await expect(problems(page).getByRole('heading')).toContainText('9 fields left');
  await expect(errorItems(page)).toHaveCount(0);
  await expect(todoList(page).getByRole('listitem').filter({ hasText: 'PackageIdentifier' })).toHaveCount(1);

  // A To do item goes to its field.
  await todoList(page).getByRole('listitem').filter({ hasText: 'Publisher' }).getByRole('button').click();
  await expect(page.getByRole('group', { name: 'Default locale' }).getByLabel('Publisher', { exact: true })).toBeFocused();

  await installer(page, 1).getByLabel('InstallerUrl', { exact: true }).fill('not a url');
  // The schema's pattern and the client's URL check: both at once, and only those.
  await expect(errorItems(page).filter({ hasText: 'Installers[0].InstallerUrl' })).toHaveCount(2);
  await expect(errorItems(page)).toHaveCount(2);
  await expect(problems(page).getByRole('heading')).toContainText('8 fields left');
});

test('asking for Export zip turns the To do items into errors', async ({ page }) => {
  await page.goto('/');
  await expect(todoList(page).getByRole('listitem')).toHaveCount(9);
  await page.getByRole('button', { name: 'Export zip', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fill in PackageIdentifier and PackageVersion to export.' })).toBeVisible();
  await expect(todoList(page)).toHaveCount(0);
  await expect(errorItems(page)).toHaveCount(9);
  await expect(problems(page).getByRole('heading')).toContainText('9 errors');

  await page.getByLabel('PackageIdentifier', { exact: true }).fill('Contoso.Asked');
  await page.getByLabel('PackageVersion', { exact: true }).fill('1.0.0');
  await expect(errorItems(page)).toHaveCount(7);
  // The draft remembers that errors were asked for: a reload does not turn them back into To do items.
  await page.reload();
  await expect(page.getByLabel('PackageIdentifier', { exact: true })).toHaveValue('Contoso.Asked');
  await expect(errorItems(page)).toHaveCount(7);
  await expect(todoList(page)).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip', exact: true }).click();
  expect((await downloading).suggestedFilename()).toBe('Contoso.Asked-1.0.0.zip');
  // A new draft starts with a To do list again.
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  await expect(todoList(page).getByRole('listitem')).toHaveCount(9);
  await expect(errorItems(page)).toHaveCount(0);
});

test('the first installer chosen or dropped fills Installer 1 instead of adding Installer 2', async ({ page }) => {
  const built = buildInstallers();
  const first = path.join(dir, 'tool-setup.bin');
  writeFileSync(first, randomBytes(256 * 1024 + 3));
  await page.goto('/');
  await page.getByLabel('Installer files', { exact: true }).setInputFiles(first);
  await expect(installer(page, 1).getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(first));
  await expect(installer(page, 2)).toHaveCount(0);

  // Dropped on a new manifest: an x86 build fills Installer 1, its architecture over the new manifest's x64.
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  const bytes = readFileSync(built.nsis).toString('base64');
  await page.evaluate((base64) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'setup-nsis.exe'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await expect(installer(page, 1).getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(built.nsis));
  await expect(installer(page, 1).getByLabel('Architecture', { exact: true })).toHaveValue('x86');
  await expect(installer(page, 2)).toHaveCount(0);

  // Installer 1 is taken now: the next file gets an installer of its own.
  await page.getByLabel('Installer files', { exact: true }).setInputFiles(first);
  await expect(installer(page, 2).getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(first));
});

test.describe('Settings', () => {
  let double: GitHubDouble;
  test.beforeEach(async () => {
    double = await startDouble();
  });
  test.afterEach(() => double.close());

  test('Save closes once the token check passes; the header shows the login, and Sign out forgets the token', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('API base URL').fill(double.url);
    await dialog.getByLabel('Target repository').fill(UPSTREAM);
    await dialog.getByLabel('GitHub token').fill(CLASSIC_TOKEN);
    await dialog.getByRole('checkbox', { name: 'Keep the token on this device' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('status').filter({ hasText: 'Signed in as' })).toHaveText('Signed in as wingsmith-dev');

    // Kept on this device: still signed in after a reload.
    await page.reload();
    await expect(banner.getByRole('status').filter({ hasText: 'Signed in as' })).toHaveText('Signed in as wingsmith-dev');
    await banner.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(banner.getByText('Signed in as')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Settings', exact: true })).toBeFocused();
    const stored = await page.evaluate(() => [localStorage.getItem('wingsmith.github.token'), sessionStorage.getItem('wingsmith.github.token')]);
    expect(stored).toEqual([null, null]);
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Form', exact: true })).toBeVisible();
    await expect(banner.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
  });

  test('a job picked in Start does its job: Update existing package loads the next version, and Start goes', async ({ page }) => {
    await openApp(page);
    await connect(page, double, CLASSIC_TOKEN);

    await job(page, 'Update existing package').click();
    const dialog = page.getByRole('dialog', { name: 'Update existing package' });
    await dialog.getByLabel('Package identifier').fill('microsoft.azurecli');
    await dialog.getByRole('button', { name: 'Load' }).click();
    await expect(dialog).toBeHidden();
    await expect(start(page)).toHaveCount(0);
    await expect(page.getByTitle('Current draft')).toHaveText('Microsoft.AzureCLI (next version of 2.60.0)');
    await expect(page.getByRole('textbox', { name: /\bPackageVersion\b/ }).first()).toBeFocused();
  });

  test('a refused token keeps the dialog open with what is wrong', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('API base URL').fill(double.url);
    await dialog.getByLabel('GitHub token').fill('ghp_not_a_token');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await expect(dialog).toBeVisible();
  });
});

test('on a phone-sized screen the header folds behind Menu, and Start is the first thing shown', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const toolbar = page.getByRole('toolbar', { name: 'Manifest' });
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' });
  await expect(toolbar).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  // Start's first job is on the first screen, not below eleven header buttons.
  const first = await job(page, 'New package').boundingBox();
  expect(first!.y + first!.height).toBeLessThan(844);
  // The folded header's file input still serves Start's Open manifest files.
  const chooser = page.waitForEvent('filechooser');
  await job(page, 'Open manifest files').click();
  await (await chooser).setFiles(FZF_FILES);
  await expect(page.getByTitle('Current draft')).toContainText('junegunn.fzf');

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(toolbar.getByRole('button', { name: 'Export zip' })).toBeVisible();
  await menu.click();
  await expect(toolbar).toBeHidden();

  // Wide again: the toolbar shows whatever Menu said, and Menu is gone.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(toolbar).toBeVisible();
  await expect(menu).toBeHidden();
});
