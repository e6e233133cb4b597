/**
 * Removing and replacing versions against the local GitHub API double: each test drives the app as a person
 * would, then reads the double over its control endpoints (/_double/pulls, /_double/files) and checks the exact
 * tree of the pull request's branch: what went away, what came in, and that nothing else changed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { GitHubDouble } from '../test/github-double/server';
import { CLASSIC_TOKEN, UPSTREAM, connect, expectNoErrors, fakeSha, formControl, openApp, startDouble } from './github-support';

let double: GitHubDouble;
test.beforeEach(async () => {
  double = await startDouble();
});
test.afterEach(async () => {
  await double.close();
});

const FORK = 'wingsmith-dev/winget-pkgs';
const CHROME = 'manifests/g/Google/Chrome/';
const AZ = 'manifests/m/Microsoft/AzureCLI/';

interface ControlPull {
  number: number;
  title: string;
  body: string;
  head: string;
  files: Record<string, string | null>;
}

async function control<T>(path: string): Promise<T> {
  const res = await fetch(`${double.url}/_double/${path}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const pulls = () => control<ControlPull[]>('pulls');
const files = (repo: string, branch: string) => control<Record<string, string>>(`files?repo=${encodeURIComponent(repo)}&branch=${encodeURIComponent(branch)}`);

/** Upstream's tree with `change` applied (null deletes): what the branch must hold exactly. */
async function upstreamWith(change: Record<string, string | null>): Promise<Record<string, string>> {
  const out = await files(UPSTREAM, 'master');
  for (const [path, text] of Object.entries(change)) {
    if (text === null) delete out[path];
    else out[path] = text;
  }
  return out;
}

async function folderDeleted(folder: string): Promise<Record<string, null>> {
  const all = await files(UPSTREAM, 'master');
  const paths = Object.keys(all).filter((p) => p.startsWith(folder));
  expect(paths.length).toBeGreaterThan(0);
  return Object.fromEntries(paths.map((p) => [p, null]));
}

function writes(): string[] {
  return double.state.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}

/** Update existing package on the package's version list (`List versions` loads no draft). */
async function versionList(page: Page, identifier: string) {
  const dialog = page.getByRole('dialog', { name: 'Update existing package' });
  await page.getByRole('button', { name: 'Update existing package', exact: true }).click();
  await dialog.getByLabel('Package identifier').fill(identifier);
  await dialog.getByRole('button', { name: 'List versions' }).click();
  await expect(dialog.getByLabel('Start from version')).toBeVisible();
  return dialog;
}

async function openRemoval(page: Page, identifier: string, version?: string) {
  const update = await versionList(page, identifier);
  if (version) await update.getByLabel('Start from version').selectOption(version);
  await update.getByRole('button', { name: 'Remove version', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove version' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('removes one version: the branch lacks exactly that folder, in one commit', async ({ page }) => {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  const dialog = await openRemoval(page, 'Google.Chrome', '99.0');
  await expect(dialog.getByLabel('Version', { exact: true })).toHaveValue('99.0');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('Reason').fill('The installer URL answers 404.');
  await dialog.getByRole('button', { name: 'Open removal pull request' }).click();
  await expect(dialog.getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });

  const [pull] = await pulls();
  expect(pull!.title).toBe('Remove version: Google.Chrome version 99.0');
  expect(pull!.body).toContain('### Reason for removal\n\nThe installer URL answers 404.');
  const gone = await folderDeleted(`${CHROME}99.0/`);
  expect(pull!.files).toEqual(gone);
  const branch = pull!.head.slice(pull!.head.indexOf(':') + 1);
  expect(await files(FORK, branch)).toEqual(await upstreamWith(gone));
  expect(double.state.pullCommits(pull!.number).map((c) => c.message)).toEqual([pull!.title]);
});

test('refuses to remove the last remaining version of a package', async ({ page }) => {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  const dialog = await openRemoval(page, 'Microsoft.AzureCLI');
  await expect(dialog.getByRole('alert')).toContainText('2.60.0 is the only version of Microsoft.AzureCLI in the repository');
  await expect(dialog.getByRole('alert')).toContainText('tick “Replace version 2.60.0”');
  await expect(dialog.getByRole('button', { name: 'Open removal pull request' })).toBeDisabled();
  expect(writes()).toEqual([]);
  expect(await pulls()).toEqual([]);
});

test('warns before removing the newest version, and removes it once confirmed', async ({ page }) => {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  const dialog = await openRemoval(page, 'Google.Chrome');
  await expect(dialog.getByLabel('Version', { exact: true })).toHaveValue('124.0.6367.119');
  const warning = dialog.getByRole('alert');
  await expect(warning).toContainText('124.0.6367.119 is the newest version of Google.Chrome');
  await expect(warning).toContainText('Highest-Version-Removal');
  await dialog.getByLabel('Reason').fill('Withdrawn by the publisher.');
  await dialog.getByRole('button', { name: 'Open removal pull request' }).click();
  await expect(dialog.getByText('tick “Remove the newest version anyway” to remove it.')).toBeVisible();
  expect(writes()).toEqual([]);

  await dialog.getByLabel('Remove the newest version anyway').check();
  await dialog.getByRole('button', { name: 'Open removal pull request' }).click();
  await expect(dialog.getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });
  const [pull] = await pulls();
  expect(pull!.title).toBe('Remove version: Google.Chrome version 124.0.6367.119');
  expect(pull!.files).toEqual(await folderDeleted(`${CHROME}124.0.6367.119/`));
});

/** Microsoft.AzureCLI 2.60.0 → a 2.61.0 draft with its two hashes, and the Open pull request dialog at its question. */
async function nextAzureVersion(page: Page) {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await page.getByRole('button', { name: 'Update existing package', exact: true }).click();
  const update = page.getByRole('dialog', { name: 'Update existing package' });
  await update.getByLabel('Package identifier').fill('Microsoft.AzureCLI');
  await update.getByRole('button', { name: 'Load' }).click();
  await expect(update).toBeHidden();
  await expect(formControl(page, 'PackageVersion')).toBeFocused();
  await page.keyboard.type('2.61.0');
  for (let i = 1; i <= 2; i++) await formControl(page, 'InstallerSha256', `Installer ${i}`).fill(fakeSha(i));
  await expectNoErrors(page);
  await page.getByRole('button', { name: 'Open pull request', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Open pull request' });
  await expect(dialog.getByRole('button', { name: 'Send pull request' })).toBeVisible({ timeout: 20_000 });
  return dialog;
}

test('replaces the version a draft was made from: new files in, old folder out, in one commit', async ({ page }) => {
  const dialog = await nextAzureVersion(page);
  const replace = dialog.getByLabel('Replace version 2.60.0');
  await expect(replace).not.toBeChecked();
  // The title it will send, above the question (the checks step shows the title before the choice).
  const title = dialog.locator('p.submit-title');
  await expect(title).toHaveText('New version: Microsoft.AzureCLI version 2.61.0');
  await replace.check();
  await expect(title).toHaveText('New version: Microsoft.AzureCLI version 2.61.0 (replaces 2.60.0)');
  expect(writes()).toEqual([]);
  await dialog.getByRole('button', { name: 'Send pull request' }).click();
  await expect(dialog.getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });

  const [pull] = await pulls();
  expect(pull!.title).toBe('New version: Microsoft.AzureCLI version 2.61.0 (replaces 2.60.0)');
  const added = Object.fromEntries(Object.entries(pull!.files).filter(([p]) => p.startsWith(`${AZ}2.61.0/`)));
  expect(Object.keys(added).sort()).toEqual(
    ['Microsoft.AzureCLI.installer.yaml', 'Microsoft.AzureCLI.locale.en-US.yaml', 'Microsoft.AzureCLI.yaml'].map((n) => `${AZ}2.61.0/${n}`),
  );
  const change = { ...added, ...(await folderDeleted(`${AZ}2.60.0/`)) };
  expect(pull!.files).toEqual(change);
  const branch = pull!.head.slice(pull!.head.indexOf(':') + 1);
  expect(await files(FORK, branch)).toEqual(await upstreamWith(change));
  expect(double.state.pullCommits(pull!.number)).toHaveLength(1);
});

test('left unticked, the draft opens a plain new version and keeps the old one', async ({ page }) => {
  const dialog = await nextAzureVersion(page);
  await dialog.getByRole('button', { name: 'Send pull request' }).click();
  await expect(dialog.getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });
  const [pull] = await pulls();
  expect(pull!.title).toBe('New version: Microsoft.AzureCLI version 2.61.0');
  expect(Object.keys(pull!.files).every((p) => p.startsWith(`${AZ}2.61.0/`))).toBe(true);
  expect(Object.values(pull!.files).every((text) => text !== null)).toBe(true);
});

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('the new controls have names and pass axe', async ({ page }) => {
  const found: Record<string, string[]> = {};
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  const update = await versionList(page, 'Google.Chrome');
  await expect(update.getByRole('button', { name: 'Remove version', exact: true })).toBeVisible();
  found['Update existing package with versions'] = await axe(page);
  await update.getByRole('button', { name: 'Remove version', exact: true }).click();
  const removal = page.getByRole('dialog', { name: 'Remove version' });
  for (const name of ['Version', 'Reason', 'Remove the newest version anyway']) await expect(removal.getByLabel(name, { exact: true })).toBeVisible();
  await expect(removal.getByRole('button', { name: 'Open removal pull request' })).toBeEnabled();
  found['Remove version, newest'] = await axe(page);
  await removal.getByRole('button', { name: 'Cancel' }).click();
  await expect(removal).toBeHidden();

  await page.getByRole('button', { name: 'Update existing package', exact: true }).click();
  await page.getByRole('dialog', { name: 'Update existing package' }).getByLabel('Package identifier').fill('Microsoft.AzureCLI');
  await page.getByRole('dialog', { name: 'Update existing package' }).getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTitle('Current draft')).toHaveText('Microsoft.AzureCLI (next version of 2.60.0)');
  await formControl(page, 'PackageVersion').fill('2.61.0');
  for (let i = 1; i <= 2; i++) await formControl(page, 'InstallerSha256', `Installer ${i}`).fill(fakeSha(i));
  await expectNoErrors(page);
  await page.getByRole('button', { name: 'Open pull request', exact: true }).click();
  const submit = page.getByRole('dialog', { name: 'Open pull request' });
  await expect(submit.getByRole('checkbox', { name: 'Replace version 2.60.0' })).toBeVisible({ timeout: 20_000 });
  found['Open pull request, replace question'] = await axe(page);
  expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
});
