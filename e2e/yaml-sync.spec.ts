import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EXAMPLES_DIR } from '../test/shared-paths';

const FZF = path.join(EXAMPLES_DIR, 'manifests/j/junegunn/fzf/0.56.3');
const FZF_FILES = ['junegunn.fzf.yaml', 'junegunn.fzf.installer.yaml', 'junegunn.fzf.locale.en-US.yaml'];

/** Monaco renders spaces as no-break spaces and only the lines in view; these tests use short files. */
const editorText = async (page: Page) =>
  ((await page.locator('.monaco-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ');

/** Every request the page makes must stay on the test server: Monaco and its workers are bundled, no CDN. */
function watchHosts(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') foreign.push(request.url());
  });
  return foreign;
}

async function openYamlFile(page: Page, fileName: string) {
  const viewTab = page.getByRole('tab', { name: 'YAML', exact: true });
  await viewTab.click();
  await expect(viewTab).toHaveAttribute('aria-selected', 'true');
  const fileTab = page.getByRole('tablist', { name: 'Files' }).getByRole('tab', { name: fileName, exact: true });
  await fileTab.click();
  await expect(fileTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
}

/** Puts the caret at the end of the first editor line containing `text`. */
async function caretAtEndOf(page: Page, text: string) {
  await page.locator('.monaco-editor .view-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

test('YAML edits reach the form and form edits reach the YAML, without leaving localhost', async ({ page }) => {
  const foreign = watchHosts(page);
  await page.goto('/');
  await page.getByLabel('Manifest files', { exact: true }).setInputFiles(FZF_FILES.map((f) => path.join(FZF, f)));

  const files = page.getByRole('tablist', { name: 'Files' });
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await expect(files.getByRole('tab')).toHaveText(FZF_FILES);

  // YAML to form.
  await openYamlFile(page, 'junegunn.fzf.locale.en-US.yaml');
  await expect.poll(() => editorText(page)).toContain('ShortDescription: A general-purpose command-line fuzzy finder');
  await caretAtEndOf(page, 'ShortDescription:');
  await page.keyboard.type(' for terminals');
  await caretAtEndOf(page, 'PackageName:');
  await page.keyboard.type(' # the binary is fzf.exe');
  await expect.poll(() => editorText(page)).toContain('# the binary is fzf.exe');

  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  const shortDescription = page.getByRole('textbox', { name: 'ShortDescription', exact: true });
  await expect(shortDescription).toHaveValue('A general-purpose command-line fuzzy finder for terminals');

  // Form to YAML; the comment typed in the YAML survives the form edit.
  await page.getByRole('textbox', { name: 'Publisher', exact: true }).fill('Junegunn Choi and contributors');
  await openYamlFile(page, 'junegunn.fzf.locale.en-US.yaml');
  await expect.poll(() => editorText(page)).toContain('Publisher: Junegunn Choi and contributors');
  const text = await editorText(page);
  expect(text).toContain('ShortDescription: A general-purpose command-line fuzzy finder for terminals');
  expect(text).toContain('# the binary is fzf.exe');

  // Typing after the form edit goes where the caret is, and undo takes back only that typing.
  await caretAtEndOf(page, 'License:');
  await page.keyboard.type('Z');
  await expect.poll(() => editorText(page)).toContain('License: MITZ');
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).not.toContain('License: MITZ');
  expect(await editorText(page)).toContain('Publisher: Junegunn Choi and contributors');
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'License', exact: true })).toHaveValue('MIT');
  await expect(page.getByRole('textbox', { name: 'Publisher', exact: true })).toHaveValue('Junegunn Choi and contributors');

  expect(foreign).toEqual([]);
});

test('schema completion and the core\'s own findings show in the editor', async ({ page }) => {
  const foreign = watchHosts(page);
  await page.goto('/');
  await page.getByLabel('Manifest files', { exact: true }).setInputFiles(FZF_FILES.map((f) => path.join(FZF, f)));
  await openYamlFile(page, 'junegunn.fzf.installer.yaml');
  await expect.poll(() => editorText(page)).toContain('- Architecture: arm64');

  // Completion from the JSON Schema the core generates (never downloaded): the values of Architecture.
  await caretAtEndOf(page, '- Architecture: arm');
  for (let i = 0; i < 'arm'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget .monaco-list-row');
  await expect(suggestions.first()).toBeVisible();
  await expect(suggestions).toHaveText(['arm', 'arm64', 'neutral', 'x64', 'x86']);
  await page.keyboard.press('Escape');

  // A second x64 installer breaks a semantic rule no schema can express; the core's finding is marked there.
  await page.keyboard.type('x64');
  await page.keyboard.press('Escape');
  const problem = page.getByRole('region', { name: 'Problems' }).getByRole('listitem').filter({ hasText: 'Duplicate installer' });
  await expect(problem).toBeVisible();
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await expect(squiggle).toBeVisible();
  // Monaco re-renders lines as it goes: measure once both are laid out, and on the same frame.
  const secondX64 = page.locator('.monaco-editor .view-line', { hasText: '- Architecture: x64' }).nth(1);
  await expect(secondX64).toBeVisible();
  await expect
    .poll(async () => {
      const [b, l] = await Promise.all([squiggle.boundingBox(), secondX64.boundingBox()]);
      return b !== null && l !== null && Math.abs(b.y - l.y) < l.height;
    })
    .toBe(true);
  const box = (await squiggle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover').filter({ hasText: 'Duplicate installer entry found' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('wingsmith');

  expect(foreign).toEqual([]);
});

test('each file keeps its place in the editor across view switches and a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 500 });
  const chrome = path.join(EXAMPLES_DIR, 'manifests/g/Google/Chrome/EXE/124.0.6367.119');
  await page.goto('/');
  await page.getByLabel('Manifest files', { exact: true }).setInputFiles(
    ['Google.Chrome.EXE.yaml', 'Google.Chrome.EXE.installer.yaml', 'Google.Chrome.EXE.locale.en-US.yaml'].map((f) => path.join(chrome, f)),
  );
  await openYamlFile(page, 'Google.Chrome.EXE.installer.yaml');
  const lastLine = page.locator('.monaco-editor .view-line', { hasText: 'ManifestVersion:' });
  const firstLine = page.locator('.monaco-editor .view-line', { hasText: 'PackageIdentifier:' });
  await expect(firstLine).toBeVisible();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await expect(lastLine).toBeVisible();
  await expect(firstLine).toHaveCount(0);

  // Another file starts at its own top; coming back finds the end of the installer file again.
  await openYamlFile(page, 'Google.Chrome.EXE.yaml');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'PackageIdentifier:' })).toBeVisible();
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await openYamlFile(page, 'Google.Chrome.EXE.installer.yaml');
  await expect(lastLine).toBeVisible();
  await expect(firstLine).toHaveCount(0);

  await page.waitForTimeout(1000);
  await page.reload();
  await openYamlFile(page, 'Google.Chrome.EXE.installer.yaml');
  await expect(lastLine).toBeVisible();
  await expect(firstLine).toHaveCount(0);
});
