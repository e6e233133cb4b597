import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';

const REPO = path.resolve(import.meta.dirname, '..');
const FOLDER = 'manifests/c/Contoso/NewTool/2.0.1/';

const editorText = async (page: Page) =>
  ((await page.locator('.monaco-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ');

async function fillInstaller(group: Locator, architecture: string, url: string, sha256: string) {
  await group.getByLabel('Architecture', { exact: true }).selectOption(architecture);
  await group.getByLabel('InstallerType', { exact: true }).selectOption('inno');
  await group.getByLabel('InstallerUrl', { exact: true }).fill(url);
  await group.getByLabel('InstallerSha256', { exact: true }).fill(sha256);
}

/** Unpacks the exported zip into a fresh folder and runs the CLI's validate on it. */
async function exportAndValidate(page: Page) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Contoso.NewTool-2.0.1.zip');
  const dir = mkdtempSync(path.join(tmpdir(), 'wingsmith-new-'));
  const zipPath = path.join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  for (const [name, data] of Object.entries(entries)) {
    mkdirSync(path.dirname(path.join(dir, 'out', name)), { recursive: true });
    writeFileSync(path.join(dir, 'out', name), data);
  }
  expect(Object.keys(entries).sort()).toEqual(
    ['Contoso.NewTool.installer.yaml', 'Contoso.NewTool.locale.en-US.yaml', 'Contoso.NewTool.yaml'].map((f) => FOLDER + f),
  );
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'validate', '--json', path.join(dir, 'out')], {
    cwd: REPO,
    encoding: 'utf8',
  });
  const report = JSON.parse(run.stdout) as { valid: boolean; errors: unknown[] }[];
  expect(report).toHaveLength(1);
  expect(report[0]!.errors).toEqual([]);
  expect(report[0]!.valid).toBe(true);
}

test('a new user writes a valid two-installer manifest from the form', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');

  await page.getByLabel('PackageIdentifier', { exact: true }).fill('Contoso.NewTool');
  await page.getByLabel('PackageVersion', { exact: true }).fill('2.0.1');
  const locale = page.getByRole('group', { name: 'Default locale', exact: true });
  await locale.getByLabel('Publisher', { exact: true }).fill('Contoso Ltd.');
  await locale.getByLabel('PackageName', { exact: true }).fill('New Tool');
  await locale.getByLabel('License', { exact: true }).fill('MIT');
  await locale.getByLabel('ShortDescription', { exact: true }).fill('A tool that does new things.');

  const first = page.getByRole('group', { name: 'Installer 1', exact: true });
  await fillInstaller(first, 'x64', 'https://example.com/newtool-x64.exe', 'A'.repeat(64));
  await page.getByRole('button', { name: 'Add installer', exact: true }).click();
  const second = page.getByRole('group', { name: 'Installer 2', exact: true });
  await fillInstaller(second, 'arm64', 'https://example.com/newtool-arm64.exe', 'B'.repeat(64));

  // Every required field is filled: validation (the CLI's) has no errors left.
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('listitem').filter({ hasText: /error/i })).toHaveCount(0);

  // The YAML follows: both installers in the installer file, shared values written once at the root.
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await page.getByRole('tab', { name: 'Contoso.NewTool.installer.yaml', exact: true }).click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  await expect.poll(() => editorText(page)).toContain('InstallerUrl: https://example.com/newtool-arm64.exe');
  const yaml = await editorText(page);
  expect(yaml).toContain('InstallerType: inno');
  expect(yaml).toContain('Architecture: x64');
  expect(yaml).toContain('Architecture: arm64');

  // The preview shows the folder and the files as they will be written.
  await page.getByRole('tab', { name: 'Preview', exact: true }).click();
  await expect(page.getByText(FOLDER, { exact: true })).toBeVisible();
  const installerFile = page.getByRole('region', { name: 'Contoso.NewTool.installer.yaml', exact: true });
  await expect(installerFile).toContainText('https://example.com/newtool-x64.exe');
  await expect(installerFile).toContainText('https://example.com/newtool-arm64.exe');

  // A later form edit reaches the preview too.
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await page
    .getByRole('group', { name: 'Installer 2', exact: true })
    .getByLabel('InstallerUrl', { exact: true })
    .fill('https://example.com/newtool-2.0.1-arm64.exe');
  await page.getByRole('tab', { name: 'Preview', exact: true }).click();
  await expect(installerFile).toContainText('https://example.com/newtool-2.0.1-arm64.exe');

  await exportAndValidate(page);
  expect(errors).toEqual([]);
});
