/**
 * axe-core's WCAG checks on every view and dialog, in light and dark: names, roles, contrast, heading order,
 * landmarks. A violation is listed with the rule and the elements, so a failure says what to fix.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EXAMPLES_DIR } from '../test/shared-paths';

const FZF = path.join(EXAMPLES_DIR, 'manifests/j/junegunn/fzf/0.56.3');
const FZF_FILES = ['junegunn.fzf.yaml', 'junegunn.fzf.installer.yaml', 'junegunn.fzf.locale.en-US.yaml'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const where = (node: (typeof result.violations)[number]['nodes'][number]) => {
    const data = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
    return `${node.target.join(' ')}${data?.contrastRatio ? ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})` : ''}`;
  };
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(where).join(', ')}`);
}

async function openFzf(page: Page) {
  await page.goto('/');
  await page.getByLabel('Manifest files', { exact: true }).setInputFiles(FZF_FILES.map((f) => path.join(FZF, f)));
  await expect(page.getByRole('textbox', { name: 'PackageIdentifier', exact: true })).toHaveValue('junegunn.fzf');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`views and dialogs pass axe in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openFzf(page);
    const found: Record<string, string[]> = {};

    found['Form'] = await violations(page);
    await page.getByLabel('Installer files', { exact: true }).setInputFiles({ name: 'fzf.zip', mimeType: 'application/zip', buffer: Buffer.from('not really a zip') });
    await expect(page.locator('.installer-hash code')).toBeVisible();
    found['Form with an installer row'] = await violations(page);

    await page.getByRole('tab', { name: 'YAML', exact: true }).click();
    await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('PackageIdentifier');
    found['YAML'] = await violations(page);

    await page.getByRole('tab', { name: 'Preview', exact: true }).click();
    await expect(page.getByText('Repository folder')).toBeVisible();
    found['Preview'] = await violations(page);

    for (const name of ['Settings', 'Update existing package', 'Import GitHub release', 'Open pull request']) {
      await page.getByRole('button', { name, exact: true }).click();
      const dialog = page.getByRole('dialog', { name });
      await expect(dialog).toBeVisible();
      found[`${name} dialog`] = await violations(page);
      await dialog.getByRole('button', { name: /^(Close|Cancel)$/ }).first().click();
      await expect(dialog).toBeHidden();
    }

    await page.getByRole('button', { name: /^Drafts/ }).click();
    found['Drafts menu'] = await violations(page);

    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });
}
