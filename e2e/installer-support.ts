/** Shared steps of the installer e2e tests. */
import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

/** The digest as `sha256sum` gives it, in the form's upper case: the reference every hash in the app is checked against. */
export const sha256sum = (file: string) => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]!.toUpperCase();

/** The app on an empty manifest, Form view. */
export async function freshManifest(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Form', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'New manifest', exact: true }).click();
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
}

export const installer = (page: Page, n: number) => page.getByRole('group', { name: `Installer ${n}`, exact: true });
