import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { freshManifest, installer, sha256sum } from './installer-support';
import { zipSync } from 'fflate';
import { buildInstallers, type BuiltInstallers } from '../test/installers/build';
import { buildBundle, buildMsix, SIGNATURE_BYTES } from '../test/installers/msix-fixtures';
import { MSI, NSIS } from '../test/installers/sources';

/*
 * What analysis puts in the form for real installers: MSIs built by wixl, MSIX packages and bundles, and a zip
 * holding two installers. Values land only in empty fields; values that differ from the form's are offered.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'wingsmith-analysis-'));
// A worker may run this file's tests in several groups (fullyParallel), each with its own afterAll, while the module
// (and this folder) is loaded once per worker: the folder goes when the worker does.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

let built: BuiltInstallers;
// Builds (or takes from the cache) the real installers; fails with the apt package when a tool is missing.
test.beforeAll(() => {
  built = buildInstallers();
});

const MS_FAMILY = 'Wingsmith.Sample_8wekyb3d8bbwe';
const SIGNATURE_SHA256 = createHash('sha256').update(SIGNATURE_BYTES).digest('hex').toUpperCase();

function writeTemp(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const chooseInstallers = (page: Page, files: string | string[]) => page.getByLabel('Installer files', { exact: true }).setInputFiles(files);
const field = (scope: Locator, key: string) => scope.getByLabel(key, { exact: true });
const row = (scope: Locator, list: string, n: number) => scope.getByRole('group', { name: `${list} ${n}`, exact: true });
const fileRow = (page: Page, name: string) => page.getByRole('region', { name: 'Installer hashing' }).getByRole('listitem').filter({ hasText: name });
const openMoreFields = (scope: Locator) => scope.getByRole('button', { name: /More fields/ }).click();

async function expectFields(scope: Locator, values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) await expect(field(scope, key), key).toHaveValue(value);
}

test('an MSI fills its installer, AppsAndFeaturesEntries and the package from its tables', async ({ page }) => {
  await freshManifest(page);
  const first = installer(page, 1);
  await field(first, 'InstallerUrl').fill('https://example.com/dl/sample-x64.msi');
  await chooseInstallers(page, built.msiX64);

  // The file lands on the installer whose URL names it; no new installer is made.
  await expect(field(first, 'InstallerSha256')).toHaveValue(sha256sum(built.msiX64));
  await expect(installer(page, 2)).toHaveCount(0);
  await expectFields(first, { InstallerType: 'msi', Architecture: 'x64', Scope: 'machine' });
  await openMoreFields(first);
  await expect(field(first, 'InstallerLocale')).toHaveValue('en-US');
  // The installer's own ProductCode comes before the one in AppsAndFeaturesEntries.
  await expect(field(first, 'ProductCode').first()).toHaveValue(MSI.productCode);
  const entry = row(first, 'AppsAndFeaturesEntries', 1);
  await expectFields(entry, { DisplayName: MSI.name, Publisher: MSI.manufacturer, ProductCode: MSI.productCode, UpgradeCode: MSI.upgradeCode });
  // The MSI's version became the PackageVersion, so repeating it as DisplayVersion would only add noise.
  await expect(field(entry, 'DisplayVersion')).toHaveValue('');
  await expect(row(first, 'AppsAndFeaturesEntries', 2)).toHaveCount(0);

  // Package-wide values that were empty are filled too, and the file's row says where each value came from.
  await expect(page.getByLabel('PackageVersion', { exact: true })).toHaveValue(MSI.version);
  await expectFields(page.getByRole('group', { name: 'Default locale', exact: true }), { Publisher: MSI.manufacturer, PackageName: MSI.name });
  const filled = page.getByRole('list', { name: 'Filled from sample-x64.msi' });
  await expect(filled).toContainText(`Filled ProductCode (Installer 1): ${MSI.productCode} — from the MSI Property table`);
  await expect(filled).toContainText('Filled Scope (Installer 1): machine');
  await expect(fileRow(page, 'sample-x64.msi')).toContainText('Installer type found: msi');
});

test('a WiX-built x86 MSI and a per-user German MSI; a differing architecture is offered, not overwritten', async ({ page }) => {
  await freshManifest(page);
  await field(installer(page, 1), 'InstallerUrl').fill('https://example.com/sample-x86-wix.msi');
  await page.getByRole('button', { name: 'Add installer', exact: true }).click();
  await field(installer(page, 2), 'InstallerUrl').fill('https://example.com/sample-user-de.msi');
  await chooseInstallers(page, [built.msiX86Wix, built.msiUserDe]);

  const wix = installer(page, 1);
  await expect(field(wix, 'InstallerSha256')).toHaveValue(sha256sum(built.msiX86Wix));
  await expectFields(wix, { InstallerType: 'wix', Scope: 'machine' });
  // Installer 1 of a new manifest is x64: the MSI's x86 is a suggestion until the user takes it.
  await expect(field(wix, 'Architecture')).toHaveValue('x64');
  await page.getByRole('list', { name: 'Suggestions from sample-x86-wix.msi' }).getByRole('button', { name: /^Use 'x86'/ }).click();
  await expect(field(wix, 'Architecture')).toHaveValue('x86');
  await openMoreFields(wix);
  await expect(field(wix, 'ProductCode').first()).toHaveValue(MSI.x86ProductCode);

  const de = installer(page, 2);
  await expect(field(de, 'InstallerSha256')).toHaveValue(sha256sum(built.msiUserDe));
  await expectFields(de, { InstallerType: 'msi', Architecture: 'x86', Scope: 'user' });
  await openMoreFields(de);
  await expect(field(de, 'InstallerLocale')).toHaveValue('de-DE');
  // Manufacturer is stored in code page 1252 and must come out as "Tëst".
  await expectFields(row(de, 'AppsAndFeaturesEntries', 1), { Publisher: MSI.userManufacturer, ProductCode: MSI.userProductCode });
  await expect(installer(page, 3)).toHaveCount(0);
});

test('an MSIX package fills PackageFamilyName, SignatureSha256 and its device family', async ({ page }) => {
  const msix = writeTemp('Wingsmith.Sample_1.4.0.0_arm64.msix', buildMsix({ arch: 'arm64' }));
  await freshManifest(page);
  await chooseInstallers(page, msix);

  // The new manifest's empty installer takes the file, and the package's architecture over the default x64.
  const added = installer(page, 1);
  await expect(field(added, 'InstallerSha256')).toHaveValue(sha256sum(msix));
  await expectFields(added, { InstallerType: 'msix', Architecture: 'arm64', PackageFamilyName: MS_FAMILY, SignatureSha256: SIGNATURE_SHA256 });
  await openMoreFields(added);
  await expect(field(added, 'MinimumOSVersion')).toHaveValue('10.0.17763.0');
  await expect(added.getByRole('checkbox', { name: 'Platform Windows.Desktop', exact: true })).toBeChecked();
  await expect(added.getByRole('checkbox', { name: 'Platform Windows.Universal', exact: true })).not.toBeChecked();
  await expectFields(page.getByRole('group', { name: 'Default locale', exact: true }), { Publisher: 'Wingsmith & Co', PackageName: 'Wingsmith Sample App' });
  await expect(page.getByLabel('PackageVersion', { exact: true })).toHaveValue('1.4.0.0');
  await expect(installer(page, 2)).toHaveCount(0);
  // The MSIX-only fields are not offered on an installer of another type next to it.
  await page.getByRole('button', { name: 'Add installer', exact: true }).click();
  await expect(installer(page, 2)).toHaveCount(1);
  await expect(field(installer(page, 2), 'PackageFamilyName')).toHaveCount(0);
});

test('an MSIX bundle becomes one installer per architecture', async ({ page }) => {
  const bundle = writeTemp('Wingsmith.Sample.msixbundle', buildBundle({ inlineFamilies: false }));
  await freshManifest(page);
  await field(installer(page, 1), 'InstallerUrl').fill('https://example.com/Wingsmith.Sample.msixbundle');
  await chooseInstallers(page, bundle);

  const sha = sha256sum(bundle);
  const x64 = installer(page, 1);
  const arm64 = installer(page, 2);
  // The x64 package goes to the x64 installer that names the file; arm64 to a copy with the same URL and hash.
  await expect(field(arm64, 'Architecture')).toHaveValue('arm64');
  for (const [inst, arch] of [[x64, 'x64'], [arm64, 'arm64']] as const) {
    await expectFields(inst, {
      Architecture: arch, InstallerType: 'msix', InstallerSha256: sha, PackageFamilyName: MS_FAMILY, SignatureSha256: SIGNATURE_SHA256,
      InstallerUrl: 'https://example.com/Wingsmith.Sample.msixbundle',
    });
    await openMoreFields(inst);
  }
  // Device families come from each inner package's AppxManifest.xml; the lowest MinVersion of them wins.
  await expect(field(x64, 'MinimumOSVersion')).toHaveValue('10.0.19041.0');
  await expect(field(arm64, 'MinimumOSVersion')).toHaveValue('10.0.20348.0');
  await expect(x64.getByRole('checkbox', { name: 'Platform Windows.Universal', exact: true })).not.toBeChecked();
  await expect(arm64.getByRole('checkbox', { name: 'Platform Windows.Universal', exact: true })).toBeChecked();
  await expect(installer(page, 3)).toHaveCount(0);
});

test('a zip with two installers asks which one winget runs, then fills the nested installer fields', async ({ page }) => {
  const zip = writeTemp('widget-2.3.4.zip', zipSync({
    'bin/tool-x64.exe': readFileSync(built.peX64),
    'setup/setup-nsis.exe': readFileSync(built.nsis),
    'readme.txt': new TextEncoder().encode('Read me'),
  }));
  await freshManifest(page);
  await chooseInstallers(page, zip);

  // The new manifest's empty installer takes the file.
  const added = installer(page, 1);
  await expect(field(added, 'InstallerSha256')).toHaveValue(sha256sum(zip));
  await expect(field(added, 'InstallerType')).toHaveValue('zip');
  const item = fileRow(page, 'widget-2.3.4.zip');
  await expect(item).toContainText('The zip holds 2 possible installers; choose the one winget should run.');
  // Nothing is guessed while the choice is open.
  await expect(field(added, 'NestedInstallerType')).toHaveValue('');

  const choice = item.getByLabel('Installer inside the zip (NestedInstallerFiles)');
  await expect(choice.getByRole('option')).toHaveText([/^bin\/tool-x64\.exe \(exe, /, /^setup\/setup-nsis\.exe \(exe, /]);
  await choice.selectOption('setup/setup-nsis.exe');
  await item.getByRole('button', { name: 'Use this installer', exact: true }).click();

  await expect(field(added, 'NestedInstallerType')).toHaveValue('nullsoft');
  await expect(field(row(added, 'NestedInstallerFiles', 1), 'RelativeFilePath')).toHaveValue('setup/setup-nsis.exe');
  await expect(row(added, 'NestedInstallerFiles', 2)).toHaveCount(0);
  await expectFields(added, { InstallerType: 'zip', Architecture: 'x86' });
  await expect(item.getByRole('button', { name: 'Analyse again', exact: true })).toBeVisible();
  await expectFields(page.getByRole('group', { name: 'Default locale', exact: true }), { Publisher: NSIS.company, PackageName: NSIS.productName });
  await expect(item.getByRole('list', { name: 'Filled from widget-2.3.4.zip' })).toContainText(/Filled Architecture \(Installer 1\): x86 — .* of setup\/setup-nsis\.exe in the zip/);
});
