/**
 * From a GitHub release to a pull request with nothing downloaded by hand: the double serves the release and its
 * assets (real installers built by wixl, makensis and mingw-w64) through the API route, storage on another origin
 * with CORS, and a web host without CORS. Every test checks the double's final state.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { buildInstallers, type BuiltInstallers } from '../test/installers/build';
import type { GitHubDouble } from '../test/github-double/server';
import { CLASSIC_TOKEN, UPSTREAM, connect, expectNoErrors, fakeSha, formControl, openApp, pullRequestFiles, startDouble, stepsList, useDoubleAnonymously } from './github-support';
import { installer, sha256sum } from './installer-support';

let double: GitHubDouble;
let built: BuiltInstallers;
test.beforeAll(() => {
  built = buildInstallers();
});
test.beforeEach(async () => {
  double = await startDouble();
});
test.afterEach(async () => {
  await double.close();
});

const OLD = 'https://github.com/contoso/tool/releases/download/v1.0.0';
const NEW = 'https://github.com/contoso/tool/releases/download/v1.1.0';
const FOLDER = 'manifests/c/Contoso/Tool/1.1.0/';
const NOTES = `## What's new

* **Faster** start-up, see [the benchmark](https://example.com/bench).
* Fixed \`--quiet\` on _Windows 11_.

1. Download the installer
2. Run it
`;

/** Contoso.Tool 1.0.0 in the double's winget-pkgs: an MSI (x64) and an NSIS exe (x86) from GitHub releases. */
function publishPreviousVersion(): void {
  const common = 'PackageIdentifier: Contoso.Tool\nPackageVersion: 1.0.0\n';
  const folder = 'manifests/c/Contoso/Tool/1.0.0/';
  double.state.commitFiles(UPSTREAM, 'master', {
    [`${folder}Contoso.Tool.yaml`]: `${common}DefaultLocale: en-US\nManifestType: version\nManifestVersion: 1.6.0\n`,
    [`${folder}Contoso.Tool.installer.yaml`]:
      `${common}Installers:\n` +
      `- Architecture: x64\n  InstallerType: wix\n  Scope: machine\n  InstallerUrl: ${OLD}/tool-1.0.0-x64.msi\n  InstallerSha256: ${fakeSha(1)}\n` +
      `- Architecture: x86\n  InstallerType: nullsoft\n  InstallerUrl: ${OLD}/tool-1.0.0-setup-x86.exe\n  InstallerSha256: ${fakeSha(2)}\n` +
      'ManifestType: installer\nManifestVersion: 1.6.0\n',
    [`${folder}Contoso.Tool.locale.en-US.yaml`]:
      `${common}PackageLocale: en-US\nPublisher: Contoso Ltd.\nPackageName: Contoso Tool\nLicense: MIT\nShortDescription: A tool.\nReleaseNotes: Old notes.\nManifestType: defaultLocale\nManifestVersion: 1.6.0\n`,
  });
}

function publishRelease(): void {
  double.state.createRepo('contoso', 'tool', { 'README.md': '# tool\n' }, 'main');
  double.state.setRepoMeta('contoso/tool', { description: 'A tool for testing', topics: ['cli', 'testing'], hasIssues: true, license: { spdxId: 'MIT', text: 'MIT License\n' } });
  double.state.addRelease('contoso', 'tool', {
    tag: 'v1.1.0', name: 'Tool 1.1.0', body: NOTES, publishedAt: '2024-06-03T17:45:00Z',
    assets: [
      { name: 'tool-1.1.0-x64.msi', data: readFileSync(built.msiX64) },
      { name: 'tool-1.1.0-setup-x86.exe', data: readFileSync(built.nsis) },
      { name: 'checksums.txt', data: Buffer.from('not an installer\n') },
    ],
  });
}

/** Every request the page made to the asset storage and web origins, with whether it carried a token. */
function watchRequests(page: Page): { url: string; authorization: boolean }[] {
  const seen: { url: string; authorization: boolean }[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(double.url) || url.startsWith(double.cdnUrl) || url.startsWith(double.webUrl)) {
      seen.push({ url, authorization: 'authorization' in request.headers() });
    }
  });
  return seen;
}

async function importRelease(page: Page, input?: string) {
  await page.getByRole('button', { name: 'Import GitHub release', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import GitHub release' });
  if (input !== undefined) await dialog.getByLabel('Release URL').fill(input);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Applied');
  return dialog;
}

async function previewFiles(page: Page, id = 'Contoso.Tool', folder = FOLDER): Promise<Record<string, string>> {
  await page.getByRole('tab', { name: 'Preview', exact: true }).click();
  const out: Record<string, string> = {};
  for (const name of [`${id}.yaml`, `${id}.installer.yaml`, `${id}.locale.en-US.yaml`]) {
    out[folder + name] = (await page.getByRole('region', { name, exact: true }).textContent()) ?? '';
  }
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  return out;
}

test('a new version of an existing package from its GitHub release: downloaded, hashed, analysed, submitted', async ({ page }) => {
  publishPreviousVersion();
  publishRelease();
  const requests = watchRequests(page);
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await page.getByRole('button', { name: 'Update existing package', exact: true }).click();
  const update = page.getByRole('dialog', { name: 'Update existing package' });
  await update.getByLabel('Package identifier').fill('Contoso.Tool');
  await update.getByRole('button', { name: 'Load' }).click();
  await expect(update).toBeHidden();

  // The Release URL starts as the repository the installers come from: its latest release.
  const dialog = await importRelease(page);
  await expect(dialog.getByLabel('Release URL')).toHaveValue('https://github.com/contoso/tool');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(formControl(page, 'PackageVersion')).toHaveValue('1.1.0');
  const x64 = installer(page, 1);
  const x86 = installer(page, 2);
  await expect(x64.getByLabel('InstallerUrl', { exact: true })).toHaveValue(`${NEW}/tool-1.1.0-x64.msi`);
  await expect(x86.getByLabel('InstallerUrl', { exact: true })).toHaveValue(`${NEW}/tool-1.1.0-setup-x86.exe`);
  await expect(x64.getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(built.msiX64), { timeout: 20_000 });
  await expect(x86.getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(built.nsis), { timeout: 20_000 });
  await expect(x64.getByText(/^Fetched tool-1\.1\.0-x64\.msi/)).toBeVisible();

  await expectNoErrors(page);
  const expected = await previewFiles(page);
  await page.getByRole('button', { name: 'Open pull request', exact: true }).click();
  const submit = page.getByRole('dialog', { name: 'Open pull request' });
  // A next-version draft asks whether to replace the version it came from; this one keeps it.
  await submit.getByRole('button', { name: 'Send pull request' }).click({ timeout: 20_000 });
  await expect(submit.getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });
  await expect(stepsList(page).getByRole('listitem').first()).toContainText('done');

  expect(double.state.pulls).toHaveLength(1);
  const files = pullRequestFiles(double, double.state.pulls[0]!.number);
  expect(files).toEqual(expected);
  const installerYaml = files[`${FOLDER}Contoso.Tool.installer.yaml`]!;
  expect(installerYaml).toContain(`InstallerSha256: ${sha256sum(built.msiX64)}`);
  expect(installerYaml).toContain(`InstallerSha256: ${sha256sum(built.nsis)}`);
  expect(installerYaml).toContain('ReleaseDate: 2024-06-03');
  expect(installerYaml).not.toContain('1.0.0');
  const locale = files[`${FOLDER}Contoso.Tool.locale.en-US.yaml`]!;
  expect(locale).toContain('ReleaseNotesUrl: https://github.com/contoso/tool/releases/tag/v1.1.0');
  expect(locale).toContain("What's new");
  expect(locale).toContain('- Faster start-up, see the benchmark.');
  expect(locale).toContain('- Fixed --quiet on Windows 11.');
  expect(locale).toContain('1. Download the installer');
  expect(locale).not.toMatch(/\*\*|\]\(|`/);
  // License, Publisher and PackageName stay as the package had them.
  expect(locale).toContain('Publisher: Contoso Ltd.');
  expect(locale).toContain('PackageName: Contoso Tool');

  // Both assets went through the API route, then storage; neither carried the token.
  const assetCalls = double.state.requests.filter((r) => /\/releases\/assets\/\d+$/.test(r.path));
  expect(assetCalls.map((r) => r.status)).toEqual([302, 302]);
  expect(assetCalls.every((r) => !r.authorization)).toBe(true);
  expect(double.state.cdnRequests.filter((r) => r.method === 'GET').map((r) => r.status)).toEqual([200, 200]);
  expect(double.state.cdnRequests.every((r) => !r.authorization)).toBe(true);
  const offApi = requests.filter((r) => !r.url.startsWith(double.url) || /\/releases\/assets\//.test(r.url));
  expect(offApi.length).toBeGreaterThanOrEqual(4);
  expect(offApi.filter((r) => r.authorization)).toEqual([]);
});

test('a new package from a GitHub release: the locale comes from the repository', async ({ page }) => {
  publishRelease();
  await openApp(page);
  await useDoubleAnonymously(page, double);
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  const dialog = await importRelease(page, 'https://github.com/contoso/tool/releases/tag/v1.1.0');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(formControl(page, 'PackageIdentifier')).toHaveValue('contoso.tool');
  await expect(formControl(page, 'PackageVersion')).toHaveValue('1.1.0');
  const values: Record<string, string> = {
    Publisher: 'contoso', PackageName: 'tool', License: 'MIT', ShortDescription: 'A tool for testing',
    PackageUrl: 'https://github.com/contoso/tool', PublisherUrl: 'https://github.com/contoso',
    LicenseUrl: 'https://github.com/contoso/tool/blob/main/LICENSE', PublisherSupportUrl: 'https://github.com/contoso/tool/issues',
  };
  await page.getByRole('group', { name: 'Default locale', exact: true }).getByRole('button', { name: /More fields/ }).click();
  for (const [key, value] of Object.entries(values)) await expect(formControl(page, key, 'Default locale'), key).toHaveValue(value);
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await page.getByRole('tab', { name: 'Preview', exact: true }).click();
  const locale = await page.getByRole('region', { name: 'contoso.tool.locale.en-US.yaml', exact: true }).textContent();
  expect(locale).toContain('Tags:\n- cli\n- testing\n');
  expect(locale).toContain('ReleaseNotesUrl: https://github.com/contoso/tool/releases/tag/v1.1.0\n');
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await expect(installer(page, 1).getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(built.msiX64), { timeout: 20_000 });
  await expect(installer(page, 2).getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(built.nsis), { timeout: 20_000 });
  await expect(installer(page, 3)).toHaveCount(0);
  // Types from analysis: the extension says msi; only the file says an .exe is NSIS.
  await expect(installer(page, 1).getByLabel('InstallerType', { exact: true })).toHaveValue('msi');
  await expect(installer(page, 2).getByLabel('InstallerType', { exact: true })).toHaveValue('nullsoft');
  // Anonymous reads: no token was set, and GitHub lets anyone read a public repository.
  expect(double.state.requests.every((r) => !r.authorization)).toBe(true);

  // Then as the package's first pull request: exactly the files the preview shows, under the new package's folder.
  await connect(page, double, CLASSIC_TOKEN);
  await expectNoErrors(page);
  const expected = await previewFiles(page, 'contoso.tool', 'manifests/c/contoso/tool/1.1.0/');
  await page.getByRole('button', { name: 'Open pull request', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Open pull request' }).getByRole('link', { name: /^Pull request/ })).toBeVisible({ timeout: 20_000 });
  expect(double.state.pulls.map((p) => p.title)).toEqual(['New package: contoso.tool version 1.1.0']);
  expect(pullRequestFiles(double, double.state.pulls[0]!.number)).toEqual(expected);
});

test('a server without CORS: the installer says to drop the file, and dropping it completes the installer', async ({ page }) => {
  publishRelease();
  await openApp(page);
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  const first = installer(page, 1);
  const url = `${double.webUrl}/contoso/tool/releases/download/v1.1.0/tool-1.1.0-x64.msi`;
  await first.getByLabel('InstallerUrl', { exact: true }).fill(url);
  await first.getByRole('button', { name: 'Fetch', exact: true }).click();
  const message = first.getByRole('alert').filter({ hasText: 'drop' });
  await expect(message).toContainText('tool-1.1.0-x64.msi');
  await expect(message).toContainText('does not let web pages download');
  await expect(first.getByLabel('InstallerSha256', { exact: true })).toHaveValue('');

  await page.getByLabel('Installer files', { exact: true }).setInputFiles({ name: 'tool-1.1.0-x64.msi', mimeType: 'application/octet-stream', buffer: readFileSync(built.msiX64) });
  await expect(first.getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(built.msiX64));
  await expect(message).toHaveCount(0);
  await expect(installer(page, 2)).toHaveCount(0);
});

test('a connection dropped mid-download is an error at the installer, and Retry completes it', async ({ page }) => {
  publishRelease();
  await openApp(page);
  await useDoubleAnonymously(page, double);
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  const first = installer(page, 1);
  await first.getByLabel('InstallerUrl', { exact: true }).fill(`${NEW}/tool-1.1.0-x64.msi`);
  double.cdnDropNext({ afterBytes: 64 * 1024 });
  await first.getByRole('button', { name: 'Fetch', exact: true }).click();
  const error = first.getByRole('alert');
  await expect(error).toContainText('The connection dropped after');
  await expect(first.getByLabel('InstallerSha256', { exact: true })).toHaveValue('');
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(first.getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(built.msiX64), { timeout: 20_000 });
  await expect(first.getByRole('alert')).toHaveCount(0);
  expect(double.state.cdnRequests.filter((r) => r.method === 'GET')).toHaveLength(2);
});

test('a download too big to keep in memory is analysed from the browser\'s file storage, which is emptied afterwards', async ({ page }) => {
  // The MSI, then zeros to 80 MiB: past the 64 MiB kept in memory; an MSI's tables do not care what follows them.
  const msi = readFileSync(built.msiX64);
  const size = 80 * 1024 * 1024;
  const chunk = (offset: number, length: number) => {
    const out = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
    if (offset < msi.length) msi.copy(out, 0, offset, Math.min(msi.length, offset + out.length));
    return out;
  };
  double.state.createRepo('contoso', 'big', { 'README.md': '# big\n' }, 'main');
  double.state.addRelease('contoso', 'big', { tag: 'v3.0.0', publishedAt: '2024-06-03T17:45:00Z', assets: [{ name: 'big-3.0.0-x64.msi', size, chunk }] });
  const expected = (() => {
    const hash = createHash('sha256');
    for (let at = 0; at < size; at += 1 << 20) hash.update(chunk(at, 1 << 20));
    return hash.digest('hex').toUpperCase();
  })();
  await openApp(page);
  await useDoubleAnonymously(page, double);
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  const first = installer(page, 1);
  await first.getByLabel('InstallerUrl', { exact: true }).fill('https://github.com/contoso/big/releases/download/v3.0.0/big-3.0.0-x64.msi');
  await page.getByRole('button', { name: 'Fetch installers', exact: true }).click();
  await expect(first.getByLabel('InstallerSha256', { exact: true })).toHaveValue(expected, { timeout: 30_000 });
  await expect(first.getByLabel('InstallerType', { exact: true })).toHaveValue('msi');
  await expect(first.getByLabel('Scope', { exact: true })).toHaveValue('machine');
  const left = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('wingsmith-downloads', { create: true });
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });
  expect(left).toEqual([]);
});

test('a private repository\'s asset: the installer says why it cannot be downloaded and asks for the file', async ({ page }) => {
  double.state.createRepo('wingsmith-dev', 'secret', { 'README.md': '# secret\n' }, 'main');
  double.state.setRepoMeta('wingsmith-dev/secret', { private: true });
  double.state.addRelease('wingsmith-dev', 'secret', { tag: 'v1.0.0', publishedAt: '2024-06-03T17:45:00Z', assets: [{ name: 'secret-1.0.0.msi', data: readFileSync(built.msiX64) }] });
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  const first = installer(page, 1);
  await first.getByLabel('InstallerUrl', { exact: true }).fill('https://github.com/wingsmith-dev/secret/releases/download/v1.0.0/secret-1.0.0.msi');
  await first.getByRole('button', { name: 'Fetch', exact: true }).click();
  const message = first.getByRole('alert');
  await expect(message).toContainText('private');
  await expect(message).toContainText('drop it here');
  await expect(message.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  // The release was read with the token (it can see the repository); the asset route was asked without it.
  const asset = double.state.requests.filter((r) => /\/releases\/assets\/\d+$/.test(r.path));
  expect(asset.map((r) => [r.status, r.authorization])).toEqual([[404, false]]);
  await page.getByLabel('Installer files', { exact: true }).setInputFiles({ name: 'secret-1.0.0.msi', mimeType: 'application/octet-stream', buffer: readFileSync(built.msiX64) });
  await expect(first.getByLabel('InstallerSha256', { exact: true })).toHaveValue(sha256sum(built.msiX64));
});
