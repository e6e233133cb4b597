/**
 * Pull requests against the local GitHub API double: each test starts its own double, drives the app as a person
 * would, then checks the double's final state (the files on the pull request's branch and its title).
 */
import { expect, test, type Page } from '@playwright/test';
import type { GitHubDouble } from '../test/github-double/server';
import {
  CLASSIC_TOKEN, FINE_GRAINED_TOKEN, UPSTREAM, branchFolder, connect, expectNoErrors, fakeSha, formControl, openApp,
  pullRequestFiles, startDouble, stepsList, useDoubleAnonymously,
} from './github-support';

let double: GitHubDouble;
test.beforeEach(async () => {
  double = await startDouble();
});
test.afterEach(async () => {
  await double.close();
});

const AZ_FOLDER = 'manifests/m/Microsoft/AzureCLI/2.61.0/';
const AZ_FILES = ['Microsoft.AzureCLI.installer.yaml', 'Microsoft.AzureCLI.locale.en-US.yaml', 'Microsoft.AzureCLI.yaml'].map((n) => AZ_FOLDER + n);

/** Loads Microsoft.AzureCLI (2 installers) from the double into a next-version draft and sets 2.61.0. */
async function startNextAzureVersion(page: Page) {
  await page.getByRole('button', { name: 'Update existing package', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Update existing package' });
  await dialog.getByLabel('Package identifier').fill('microsoft.azurecli');
  await dialog.getByRole('button', { name: 'Load' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTitle('Current draft')).toHaveText('Microsoft.AzureCLI (next version of 2.60.0)');
  const version = formControl(page, 'PackageVersion');
  await expect(version).toBeFocused();
  await expect(version).toHaveValue('');
  await page.keyboard.type('2.61.0');
}

async function fillHashes(page: Page, count: number) {
  for (let i = 1; i <= count; i++) await formControl(page, 'InstallerSha256', `Installer ${i}`).fill(fakeSha(i));
}

async function openPullRequest(page: Page) {
  await expectNoErrors(page);
  await page.getByRole('button', { name: 'Open pull request', exact: true }).click();
  return page.getByRole('dialog', { name: 'Open pull request' });
}

/** A new package (not in the double) imported as files, ready to submit. */
async function importNewPackage(page: Page) {
  const common = 'PackageIdentifier: Contoso.Wingsmith\nPackageVersion: 1.0.0\n';
  const files = [
    { name: 'Contoso.Wingsmith.yaml', text: `${common}DefaultLocale: en-US\nManifestType: version\nManifestVersion: 1.12.0\n` },
    {
      name: 'Contoso.Wingsmith.installer.yaml',
      text: `${common}InstallerType: inno\nInstallers:\n- Architecture: x64\n  InstallerUrl: https://contoso.example/wingsmith-1.0.0-x64.exe\n  InstallerSha256: ${fakeSha(7)}\nManifestType: installer\nManifestVersion: 1.12.0\n`,
    },
    {
      name: 'Contoso.Wingsmith.locale.en-US.yaml',
      text: `${common}PackageLocale: en-US\nPublisher: Contoso\nPackageName: Wingsmith Test\nLicense: MIT\nShortDescription: A package the double has never seen.\nManifestType: defaultLocale\nManifestVersion: 1.12.0\n`,
    },
  ];
  await page.getByLabel('Manifest files', { exact: true }).setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/x-yaml', buffer: Buffer.from(f.text) })),
  );
  await expect(formControl(page, 'PackageIdentifier')).toHaveValue('Contoso.Wingsmith');
}

test('updates an existing package from its previous version with 2 → 3 installers', async ({ page }) => {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await startNextAzureVersion(page);

  const matcher = page.getByRole('region', { name: /Installer matcher/ });
  await matcher.getByLabel('InstallerUrl of new installer 1').fill('https://azcliprod.blob.core.windows.net/msi/azure-cli-2.61.0-x86.msi');
  await matcher.getByLabel('InstallerUrl of new installer 2').fill('https://azcliprod.blob.core.windows.net/msi/azure-cli-2.61.0-x64.msi');
  await matcher.getByRole('button', { name: 'Add new installer row' }).click();
  await matcher.getByLabel('InstallerUrl of new installer 3').fill('https://azcliprod.blob.core.windows.net/msi/azure-cli-2.61.0-arm64.msi');
  // arm64 matches neither previous architecture; the user says it continues the x64 installer.
  await expect(matcher.getByLabel('Continues previous installer (new installer 3)')).toHaveValue('none');
  await matcher.getByLabel('Continues previous installer (new installer 3)').selectOption('1');
  await expect(matcher.getByLabel('Continues previous installer (new installer 1)')).toHaveValue('0');
  await matcher.getByRole('button', { name: 'Apply to draft' }).click();
  await expect(page.getByRole('group', { name: 'Installer 3', exact: true })).toBeVisible();
  await expect(matcher.getByRole('list', { name: 'Stale AppsAndFeaturesEntries' })).toContainText('UpgradeCode');
  await fillHashes(page, 3);

  const dialog = await openPullRequest(page);
  // A next-version draft asks whether to replace the version it came from; this one keeps it.
  await dialog.getByRole('button', { name: 'Send pull request' }).click({ timeout: 20_000 });
  const link = dialog.getByRole('link', { name: /^Pull request/ });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await expect(stepsList(page).getByRole('listitem').first()).toContainText('done');

  expect(double.state.pulls).toHaveLength(1);
  const pull = double.state.pulls[0]!;
  expect(pull.title).toBe('New version: Microsoft.AzureCLI version 2.61.0');
  await expect(link).toHaveAttribute('href', new RegExp(`/pull/${pull.number}$`));
  const files = pullRequestFiles(double, pull.number);
  expect(Object.keys(files).sort()).toEqual(AZ_FILES);
  const installer = files[`${AZ_FOLDER}Microsoft.AzureCLI.installer.yaml`]!;
  expect(installer.match(/InstallerUrl:/g)).toHaveLength(3);
  expect(installer).toContain('azure-cli-2.61.0-arm64.msi');
  expect(installer).toContain('Architecture: arm64');
  expect(installer).not.toContain('2.60.0');
  expect(files[`${AZ_FOLDER}Microsoft.AzureCLI.yaml`]).toContain('PackageVersion: 2.61.0');
});

test('without a token, a published version loads as the next version; the pull request then asks for a token', async ({ page }) => {
  await openApp(page);
  await useDoubleAnonymously(page, double);
  await page.getByRole('button', { name: 'Update existing package', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Update existing package' });
  await expect(dialog).toContainText('read without one (GitHub allows 60 requests an hour)');
  await dialog.getByLabel('Package identifier').fill('microsoft.azurecli');
  await dialog.getByRole('button', { name: 'List versions' }).click();
  await expect(dialog.getByLabel('Start from version')).toHaveValue('2.60.0');
  // Listing made no draft: the dialog is still open, and Load makes one.
  await dialog.getByRole('button', { name: 'Load' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTitle('Current draft')).toHaveText('Microsoft.AzureCLI (next version of 2.60.0)');
  const reads = double.state.requests.filter((r) => r.path.startsWith(`/repos/${UPSTREAM}`));
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.filter((r) => r.authorization || !['GET', 'OPTIONS'].includes(r.method))).toEqual([]);

  await page.keyboard.type('2.61.0');
  await page.getByRole('button', { name: 'Open pull request', exact: true }).click();
  const submit = page.getByRole('dialog', { name: 'Open pull request' });
  await expect(submit).toContainText('Save a GitHub token in Settings first.');
  expect(double.state.requests.filter((r) => !['GET', 'OPTIONS'].includes(r.method))).toEqual([]);
});

test('opens a pull request for a new package', async ({ page }) => {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await importNewPackage(page);
  const dialog = await openPullRequest(page);
  await expect(dialog.getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });

  expect(double.state.pulls).toHaveLength(1);
  const pull = double.state.pulls[0]!;
  expect(pull.title).toBe('New package: Contoso.Wingsmith version 1.0.0');
  expect(pull.body).toContain('Created with Wingsmith');
  const folder = 'manifests/c/Contoso/Wingsmith/1.0.0/';
  expect(Object.keys(pullRequestFiles(double, pull.number)).sort()).toEqual(
    ['Contoso.Wingsmith.installer.yaml', 'Contoso.Wingsmith.locale.en-US.yaml', 'Contoso.Wingsmith.yaml'].map((n) => folder + n),
  );
});

test('stops a new package whose publisher folder exists in other letter case, and takes the repository spelling in one click', async ({ page }) => {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await importNewPackage(page);
  // manifests/m/Microsoft/ exists in the double; `microsoft.Wingsmith` would add manifests/m/microsoft/ beside it.
  await formControl(page, 'PackageIdentifier').fill('microsoft.Wingsmith');
  const dialog = await openPullRequest(page);
  await expect(dialog).toContainText('The repository spells this publisher Microsoft (manifests/m/Microsoft/). Change PackageIdentifier to Microsoft.Wingsmith');
  await expect(dialog.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  expect(double.state.pulls).toHaveLength(0);
  expect(double.state.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([]);

  // One click takes the repository's spelling and goes on: the files land beside Microsoft's other packages.
  await dialog.getByRole('button', { name: 'Use Microsoft.Wingsmith and check again' }).click();
  await expect(dialog.getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });
  await expect(formControl(page, 'PackageIdentifier')).toHaveValue('Microsoft.Wingsmith');
  const folder = 'manifests/m/Microsoft/Wingsmith/1.0.0/';
  expect(Object.keys(pullRequestFiles(double, double.state.pulls[0]!.number)).sort()).toEqual(
    ['Microsoft.Wingsmith.installer.yaml', 'Microsoft.Wingsmith.locale.en-US.yaml', 'Microsoft.Wingsmith.yaml'].map((n) => folder + n),
  );
});

test('warns about an open pull request for the same version and lets the user go on', async ({ page }) => {
  const existing = double.state.addOpenPull(UPSTREAM, 'someone-else', 'New version: Microsoft.AzureCLI version 2.61.0');
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await startNextAzureVersion(page);
  await fillHashes(page, 2);

  const dialog = await openPullRequest(page);
  const warning = dialog.getByRole('alert');
  await expect(warning).toContainText('already open');
  await expect(warning.getByRole('link', { name: `#${existing.number} New version: Microsoft.AzureCLI version 2.61.0` })).toBeVisible();
  expect(double.state.pulls).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Open pull request anyway' }).click();
  await expect(dialog.getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });

  expect(double.state.pulls).toHaveLength(2);
  const pull = double.state.pulls[1]!;
  expect(pull.title).toBe('New version: Microsoft.AzureCLI version 2.61.0');
  expect(Object.keys(pullRequestFiles(double, pull.number)).sort()).toEqual(AZ_FILES);
});

test('a fine-grained token pushes the branch and hands over the compare page', async ({ page }) => {
  await openApp(page);
  await connect(page, double, FINE_GRAINED_TOKEN);
  await importNewPackage(page);
  const dialog = await openPullRequest(page);
  const compare = dialog.getByRole('link', { name: 'Open the compare page on GitHub' });
  await expect(compare).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText('fine-grained');

  expect(double.state.pulls).toHaveLength(0);
  const href = (await compare.getAttribute('href'))!;
  expect(href.startsWith(double.url)).toBe(true);
  const branch = decodeURIComponent(/\.\.\.[^:]+:([^?]+)/.exec(href)![1]!);
  const title = new URL(href).searchParams.get('title');
  expect(title).toBe('New package: Contoso.Wingsmith version 1.0.0');
  const folder = 'manifests/c/Contoso/Wingsmith/1.0.0/';
  expect(Object.keys(branchFolder(double, branch, folder)).sort()).toEqual(
    ['Contoso.Wingsmith.installer.yaml', 'Contoso.Wingsmith.locale.en-US.yaml', 'Contoso.Wingsmith.yaml'].map((n) => folder + n),
  );
});

test('a server error in the middle of the sequence, then Retry succeeds and leaves nothing half-made', async ({ page }) => {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await importNewPackage(page);
  double.failNext('POST', '/repos/*/*/pulls', 502);

  const dialog = await openPullRequest(page);
  await expect(dialog.getByRole('alert')).toBeVisible({ timeout: 20_000 });
  await expect(stepsList(page).getByRole('listitem').filter({ hasText: 'failed' })).not.toHaveCount(0);
  expect(double.state.pulls).toHaveLength(0);
  const fork = double.state.repo('wingsmith-dev/winget-pkgs')!;
  // The branch the failed attempt pushed was deleted again.
  expect([...fork.branches.keys()]).toEqual([fork.defaultBranch]);

  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });
  expect(double.state.pulls).toHaveLength(1);
  const pull = double.state.pulls[0]!;
  expect(pull.title).toBe('New package: Contoso.Wingsmith version 1.0.0');
  expect([...fork.branches.keys()].sort()).toEqual([fork.defaultBranch, pull.head.ref].sort());
  const folder = 'manifests/c/Contoso/Wingsmith/1.0.0/';
  expect(Object.keys(pullRequestFiles(double, pull.number)).sort()).toEqual(
    ['Contoso.Wingsmith.installer.yaml', 'Contoso.Wingsmith.locale.en-US.yaml', 'Contoso.Wingsmith.yaml'].map((n) => folder + n),
  );
});

test('the answer to opening the pull request is lost: the dialog reports that pull request, not one already open', async ({ page }) => {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await importNewPackage(page);
  // GitHub opens it, then the connection drops before the answer (a browser may resend: GitHub then says it exists).
  double.faultNext('POST', '/repos/*/*/pulls', { kind: 'drop-after' });

  const dialog = await openPullRequest(page);
  const link = dialog.getByRole('link', { name: /^Pull request/ });
  await expect(link).toBeVisible({ timeout: 20_000 });
  expect(double.state.pulls).toHaveLength(1);
  const pull = double.state.pulls[0]!;
  await expect(link).toHaveAttribute('href', new RegExp(`/pull/${pull.number}$`));
  await expect(dialog).toContainText('The pull request is open.');
  await expect(dialog).not.toContainText('already open');
  const fork = double.state.repo('wingsmith-dev/winget-pkgs')!;
  expect([...fork.branches.keys()].sort()).toEqual([fork.defaultBranch, pull.head.ref].sort());
});

test('a next-version draft offers the new version in the previous installer URLs', async ({ page }) => {
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await page.getByRole('button', { name: 'Update existing package', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Update existing package' });
  await dialog.getByLabel('Package identifier').fill('junegunn.fzf');
  await dialog.getByRole('button', { name: 'Load' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.type('0.57.0');
  await page.getByRole('button', { name: 'Use 0.57.0 in 3 installer URLs (replaces 0.56.3)' }).click();
  await page.getByRole('button', { name: 'Apply to draft' }).click();
  await expect(formControl(page, 'InstallerUrl', 'Installer 1')).toHaveValue(
    'https://github.com/junegunn/fzf/releases/download/v0.57.0/fzf-0.57.0-windows_amd64.zip',
  );
  await expect(formControl(page, 'InstallerUrl', 'Installer 3')).toHaveValue(
    'https://github.com/junegunn/fzf/releases/download/v0.57.0/fzf-0.57.0-windows_arm64.zip',
  );
});
