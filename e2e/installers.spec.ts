import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freshManifest, installer, sha256sum } from './installer-support';

const dir = mkdtempSync(path.join(tmpdir(), 'wingsmith-installers-'));
// A worker may run this file's tests in several groups (fullyParallel), each with its own afterAll, while the module
// (and this folder) is loaded once per worker: the folder goes when the worker does.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));


/** A real Windows executable with a version resource, built by mingw-w64 (CI installs it). */
function buildPe(): string | undefined {
  const gcc = 'x86_64-w64-mingw32-gcc';
  if (spawnSync(gcc, ['--version']).status !== 0) return undefined;
  writeFileSync(path.join(dir, 'app.c'), 'int main(void) { return 0; }\n');
  writeFileSync(
    path.join(dir, 'ver.rc'),
    [
      '1 VERSIONINFO', 'FILEVERSION 2,3,4,0', 'PRODUCTVERSION 2,3,4,0', 'BEGIN', ' BLOCK "StringFileInfo"', ' BEGIN',
      '  BLOCK "040904b0"', '  BEGIN', '   VALUE "CompanyName", "Contoso Ltd"', '   VALUE "ProductName", "Contoso Widget"',
      '   VALUE "ProductVersion", "2.3.4"', '   VALUE "LegalCopyright", "Copyright (c) Contoso"', '  END', ' END',
      ' BLOCK "VarFileInfo"', ' BEGIN', '  VALUE "Translation", 0x409, 1200', ' END', 'END', '',
    ].join('\n'),
  );
  execFileSync('x86_64-w64-mingw32-windres', [path.join(dir, 'ver.rc'), '-O', 'coff', '-o', path.join(dir, 'ver.o')]);
  const out = path.join(dir, 'WidgetSetup.exe');
  execFileSync(gcc, ['-O1', '-s', '-o', out, path.join(dir, 'app.c'), path.join(dir, 'ver.o')]);
  return out;
}

const shaControl = (page: Page, n: number) => installer(page, n).getByRole('textbox', { name: /InstallerSha256/ });

async function checkBoth(page: Page, randomFile: string, pe: string) {
  // The random file goes to the installer whose URL names it; the executable to a new installer.
  await expect(shaControl(page, 1)).toHaveValue(sha256sum(randomFile));
  await expect(shaControl(page, 2)).toHaveValue(sha256sum(pe));
  await expect(installer(page, 2).getByRole('combobox', { name: /Architecture/ })).toHaveValue('x64');
  await expect(page.getByRole('textbox', { name: /^Publisher/ }).first()).toHaveValue('Contoso Ltd');
  await expect(page.getByRole('button', { name: /^Use 'exe'/ })).toBeVisible();
}

test('hashes and analyses two installer files chosen in `Installer files`', async ({ page }) => {
  const pe = buildPe();
  test.skip(!pe, 'x86_64-w64-mingw32-gcc is not installed');
  const randomFile = path.join(dir, 'tool-1.0.bin');
  writeFileSync(randomFile, randomBytes(3 * 1024 * 1024 + 17));
  await freshManifest(page);
  await installer(page, 1).getByRole('textbox', { name: /InstallerUrl/ }).fill('https://example.com/dl/tool-1.0.bin?mirror=2');
  await page.getByLabel('Installer files', { exact: true }).setInputFiles([randomFile, pe!]);
  await checkBoth(page, randomFile, pe!);
});

test('hashes installer files dropped on the page', async ({ page }) => {
  const pe = buildPe();
  test.skip(!pe, 'x86_64-w64-mingw32-gcc is not installed');
  const randomFile = path.join(dir, 'tool%202.0.bin');
  writeFileSync(randomFile, randomBytes(2 * 1024 * 1024 + 5));
  await freshManifest(page);
  await installer(page, 1).getByRole('textbox', { name: /InstallerUrl/ }).fill('https://example.com/dl/tool%25202.0.bin');
  const files = [randomFile, pe!].map((f) => ({ name: path.basename(f), base64: readFileSync(f).toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  await checkBoth(page, randomFile, pe!);
});

test('shows a progress bar named by the file while it hashes', async ({ page }) => {
  const big = path.join(dir, 'big-installer.bin');
  // Sparse: quick to make, and the bytes (zeros) still have to be read and hashed.
  execFileSync('truncate', ['-s', '400M', big]);
  await freshManifest(page);
  const bar = page.getByRole('progressbar', { name: 'big-installer.bin', exact: true });
  await page.getByLabel('Installer files', { exact: true }).setInputFiles(big);
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuemax', String(400 * 1024 * 1024));
  // A new manifest's empty Installer 1 takes the first file (ui-contract "Hashing").
  await expect(shaControl(page, 1)).toHaveValue(sha256sum(big), { timeout: 30_000 });
  await expect(installer(page, 2)).toHaveCount(0);
  await expect(bar).toHaveCount(0);
});

test('a file whose hash differs from the manifest is a problem until the user replaces the hash', async ({ page }) => {
  const file = path.join(dir, 'tool-3.0.bin');
  writeFileSync(file, randomBytes(64 * 1024));
  const stale = 'AB'.repeat(32);
  await freshManifest(page);
  await installer(page, 1).getByRole('textbox', { name: /InstallerUrl/ }).fill('https://example.com/dl/tool-3.0.bin');
  await shaControl(page, 1).fill(stale);
  await page.getByLabel('Installer files', { exact: true }).setInputFiles(file);

  // Never replaced silently: the manifest keeps its hash, and Problems says which field and which file.
  const problem = page.getByRole('region', { name: 'Problems' }).getByRole('listitem').filter({ hasText: 'differs from the SHA-256 of tool-3.0.bin' });
  await expect(problem).toContainText('Installers[0].InstallerSha256');
  await expect(problem).toContainText('warning');
  await expect(shaControl(page, 1)).toHaveValue(stale);
  await problem.getByRole('button').click();
  await expect(shaControl(page, 1)).toBeFocused();

  await page.getByRole('region', { name: 'Installer hashing' }).getByRole('button', { name: 'Replace' }).click();
  await expect(shaControl(page, 1)).toHaveValue(sha256sum(file));
  await expect(problem).toHaveCount(0);
});
