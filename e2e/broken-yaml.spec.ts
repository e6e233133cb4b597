import { expect, test, type Page } from '@playwright/test';

const editorText = async (page: Page) =>
  ((await page.locator('.monaco-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ');

test('broken YAML keeps the text, shows the error at its line, and leaves the form alone', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.Broken');
  await page.getByLabel('PackageVersion').first().fill('1.0.0');

  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await page.getByRole('tab', { name: 'Contoso.Broken.yaml', exact: true }).click();
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible();
  await expect.poll(() => editorText(page)).toContain('PackageIdentifier: Contoso.Broken');

  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Broken: a: b');
  await expect.poll(() => editorText(page)).toContain('Broken: a: b');

  const problems = page.getByRole('region', { name: 'Problems' });
  const syntax = problems.getByRole('listitem').filter({ hasText: 'Contoso.Broken.yaml' }).filter({ hasText: /YAML syntax error/ });
  await expect(syntax.first()).toBeVisible();
  await expect(syntax.first()).toContainText(/line \d+/);
  await expect(page.getByRole('alert').filter({ hasText: 'YAML does not parse' })).toBeVisible();

  // The form still shows the last values that parsed, and going back to the YAML finds the text as typed.
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await expect(page.getByLabel('PackageIdentifier').first()).toHaveValue('Contoso.Broken');
  await page.getByLabel('PackageVersion').first().fill('1.0.1');
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await page.getByRole('tab', { name: 'Contoso.Broken.yaml', exact: true }).click();
  await expect.poll(() => editorText(page)).toContain('Broken: a: b');

  // And a reload brings the broken text back rather than losing it.
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'YAML', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Contoso.Broken.yaml', exact: true }).click();
  await expect.poll(() => editorText(page)).toContain('Broken: a: b');
});

test('the parse error is marked at its line in the editor, and the form waits for YAML that parses', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') foreign.push(r.url());
  });
  await page.goto('/');
  await page.getByLabel('PackageIdentifier').first().fill('Contoso.Marked');
  await page.getByLabel('PackageVersion').first().fill('1.0.0');
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await page.getByRole('tab', { name: 'Contoso.Marked.yaml', exact: true }).click();
  await expect.poll(() => editorText(page)).toContain('PackageVersion: 1.0.0');

  // Line 5 is PackageVersion (after two header comments and a blank line); the broken line becomes line 6.
  await page.locator('.monaco-editor .view-line', { hasText: 'PackageVersion:' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Moniker: @marked');
  const banner = page.getByRole('alert').filter({ hasText: 'YAML does not parse — the form keeps the last valid values' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Line 6');
  // The marker is drawn a frame or more after the banner shows (Monaco lays decorations out on its own schedule), and
  // a marker from a half-typed state (a line or two lower) can still be drawn for a moment: wait for the one that
  // ends on the broken line, and for the stale ones to go.
  const brokenLine = page.locator('.monaco-editor .view-line', { hasText: 'Moniker: @marked' });
  const squiggleRows = async () => {
    const line = (await brokenLine.boundingBox())!;
    const tops = await page.locator('.monaco-editor .squiggly-error').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().y));
    return [...new Set(tops.map((y) => Math.trunc((y - line.y) / line.height)))];
  };
  await expect.poll(squiggleRows).toEqual([0]);

  // While the file does not parse, edits to it stay text: the form keeps 1.0.0.
  await page.locator('.monaco-editor .view-line', { hasText: 'PackageVersion:' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('-beta');
  await expect.poll(() => editorText(page)).toContain('PackageVersion: 1.0.0-beta');
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await expect(page.getByLabel('PackageVersion').first()).toHaveValue('1.0.0');

  // The banner's line takes the caret to the error.
  await page.getByRole('tab', { name: 'YAML', exact: true }).click();
  await page.getByRole('button', { name: /^Line 6/ }).click();
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText('6');

  // Once the text parses again the form follows it.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('Moniker: marked');
  await expect(banner).toBeHidden();
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await expect(page.getByLabel('PackageVersion').first()).toHaveValue('1.0.0-beta');
  expect(foreign).toEqual([]);
});
