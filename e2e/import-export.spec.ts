import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { manifestSetsEqual } from '../src/core/model/equal';
import { setManifestVersion } from '../src/core/model/upgrade';
import { validateManifest } from '../src/core/validate/validate-manifest';
import { EXAMPLES_DIR, exampleManifests, type ExampleManifest } from '../test/shared-paths';

const REPO = path.resolve(import.meta.dirname, '..');
const examples = exampleManifests();
const scratch: string[] = [];
const scratchDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
test.afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});
const example = (folder: string): ExampleManifest => examples.find((e) => e.folder === folder)!;

function identity(e: ExampleManifest) {
  const parts = e.folder.split('/');
  return { id: parts.slice(2, -1).join('.'), version: parts.at(-1)! };
}

/** The page is ready once the views are there: drop listeners attached, any saved draft restored. */
async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Preview', exact: true })).toBeVisible();
}

async function showPreview(page: Page) {
  const tab = page.getByRole('tab', { name: 'Preview', exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Exports the zip, unpacks it into a fresh folder and returns that folder and the entries. */
async function exportZip(page: Page, expectedName: string) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(expectedName);
  const dir = scratchDir('wingsmith-export-');
  const zipPath = path.join(dir, expectedName);
  await download.saveAs(zipPath);
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const out = path.join(dir, 'unpacked');
  for (const [name, data] of Object.entries(entries)) {
    mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    writeFileSync(path.join(out, name), data);
  }
  return { out, entries };
}

function cliValidate(dir: string): { path: string; valid: boolean; errors: unknown[] }[] {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'validate', '--json', dir], { cwd: REPO, encoding: 'utf8' });
  expect(run.stderr.replace(/^npm warn.*\n?/gm, '')).toBe('');
  return JSON.parse(run.stdout) as { path: string; valid: boolean; errors: unknown[] }[];
}

/** Checks the preview against the exported zip and the zip against the CLI and the original model. */
async function checkRoundTrip(page: Page, original: ExampleManifest) {
  const { id, version } = identity(original);
  const folder = `manifests/${id[0]!.toLowerCase()}/${id.split('.').join('/')}/${version}/`;
  await showPreview(page);
  await expect(page.getByText(folder, { exact: true })).toBeVisible();

  const { out, entries } = await exportZip(page, `${id}-${version}.zip`);
  const names = Object.keys(entries).map((p) => p.slice(folder.length));
  expect(Object.keys(entries).every((p) => p.startsWith(folder))).toBe(true);
  expect(names).toContain(`${id}.yaml`);
  expect(names).toContain(`${id}.installer.yaml`);
  for (const [entryPath, data] of Object.entries(entries)) {
    expect([...data.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const region = page.getByRole('region', { name: entryPath.slice(folder.length), exact: true });
    expect(await region.textContent()).toBe(strFromU8(data));
  }
  await expect(page.getByRole('region', { name: /\.yaml$/ })).toHaveCount(names.length);

  const report = cliValidate(out);
  expect(report).toHaveLength(1);
  expect(report[0]!.errors).toEqual([]);
  expect(report[0]!.valid).toBe(true);

  const exported = validateManifest(Object.entries(entries).map(([p, data]) => ({ name: path.basename(p), data })));
  const before = validateManifest(original.files).set!;
  const manifestVersion = String(exported.set!.version.ManifestVersion);
  expect(manifestSetsEqual(exported.set!, setManifestVersion(before, manifestVersion).set)).toBe(true);
}

test('a chosen set is previewed, exported as a zip the CLI accepts, and stays the same package', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  const original = example('manifests/o/Obsidian/Obsidian/1.11.7');
  await page.getByLabel('Manifest files', { exact: true }).setInputFiles(original.files.map((f) => path.join(EXAMPLES_DIR, f.path)));
  await checkRoundTrip(page, original);

  // Per file: Download gives the same bytes, Copy puts the same text on the clipboard.
  const name = 'Obsidian.Obsidian.locale.zh-CN.yaml';
  const shown = await page.getByRole('region', { name, exact: true }).textContent();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download ${name}`, exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(name);
  expect(readFileSync(await download.path(), 'utf8')).toBe(shown);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: `Copy ${name}`, exact: true }).click();
  await expect(page.getByRole('button', { name: `Copy ${name}`, exact: true })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  expect(errors).toEqual([]);
});

test('a zip of a set (an older singleton, too) imports and round-trips', async ({ page }) => {
  await openApp(page);
  for (const folder of ['manifests/g/Google/Chrome/EXE/124.0.6367.119', 'manifests/w/WinSCP/WinSCP/5.18.5.RC']) {
    const original = example(folder);
    const entries: Zippable = {};
    for (const f of original.files) entries[f.path] = f.data;
    await page.getByLabel('Manifest files', { exact: true }).setInputFiles({
      name: 'set.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync(entries)),
    });
    await expect(page.getByRole('status').filter({ hasText: /^Imported / })).toBeVisible();
    await checkRoundTrip(page, original);
  }
});

test('a zip holding several manifests asks which one; a broken file leaves the draft alone', async ({ page }) => {
  await openApp(page);
  const picked = [example('manifests/d/Discord/Discord/1.0.9003'), example('manifests/k/Kubernetes/kubectl/1.33.1')];
  const entries: Zippable = {};
  for (const e of picked) for (const f of e.files) entries[f.path] = f.data;
  const input = page.getByLabel('Manifest files', { exact: true });
  await input.setInputFiles({ name: 'two.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) });

  const dialog = page.getByRole('dialog', { name: 'Choose a manifest to import' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio').first()).toBeChecked();
  await dialog.getByRole('radio', { name: /Kubernetes\.kubectl 1\.33\.1/ }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await showPreview(page);
  const folder = 'manifests/k/Kubernetes/kubectl/1.33.1/';
  await expect(page.getByText(folder, { exact: true })).toBeVisible();

  await input.setInputFiles({ name: 'Broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('PackageIdentifier: A\n\tBad: tab\n') });
  const failure = page.getByRole('dialog', { name: /^Could not import/ });
  await expect(failure).toContainText(/Broken\.yaml, line \d+/);
  await failure.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByText(folder, { exact: true })).toBeVisible();
});

test('files dropped anywhere on the page import like chosen ones', async ({ page }) => {
  await openApp(page);
  const original = example('manifests/m/Microsoft/VisualStudioCode/1.95.3');
  const files = original.files.map((f) => ({ name: f.name, bytes: [...f.data] }));
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return data;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await showPreview(page);
  await expect(page.getByText('manifests/m/Microsoft/VisualStudioCode/1.95.3/', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Microsoft.VisualStudioCode.installer.yaml', exact: true })).toBeVisible();
});

test('a dropped folder is searched for manifests, and installers in it are left alone', async ({ page }) => {
  const root = scratchDir('wingsmith-drop-');
  const picked = ['manifests/o/OBSProject/OBSStudio/27.1.2', 'manifests/n/Neovim/Neovim/0.8.0'];
  for (const folder of picked) cpSync(path.join(EXAMPLES_DIR, folder), path.join(root, 'winget', folder), { recursive: true });
  writeFileSync(path.join(root, 'winget', 'setup.exe'), 'MZ');
  await openApp(page);
  // Only a real drag carries folder entries; Chromium's DevTools protocol can make one from paths on disk.
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [path.join(root, 'winget')], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, x: 400, y: 300, data });
  }
  const dialog = page.getByRole('dialog', { name: 'Choose a manifest to import' });
  await expect(dialog.getByRole('radio')).toHaveCount(2);
  await expect(dialog.getByRole('radio', { name: /^Neovim\.Neovim 0\.8\.0/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await showPreview(page);
  await expect(page.getByText('manifests/n/Neovim/Neovim/0.8.0/', { exact: true })).toBeVisible();
});
