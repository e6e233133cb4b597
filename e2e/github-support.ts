/** Shared steps of the GitHub e2e tests: a fresh double per test, the app pointed at it, a submission awaited. */
import { expect, type Page } from '@playwright/test';
import { createGitHubDouble, type GitHubDouble } from '../test/github-double/server';

export const CLASSIC_TOKEN = 'ghp_double_classic';
export const FINE_GRAINED_TOKEN = 'github_pat_double_fine';
export const UPSTREAM = 'microsoft/winget-pkgs';

export function startDouble(): Promise<GitHubDouble> {
  return createGitHubDouble({ seed: true, forkDelayMs: 300 });
}

/** A SHA-256 in the form's upper-case hex, distinct per seed. */
export function fakeSha(seed: number): string {
  return seed.toString(16).toUpperCase().padStart(2, '0').repeat(32).slice(0, 64);
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Form', exact: true })).toBeVisible();
}

/** Settings: the double as API base, the token, Save; the dialog closes once GET /user answers, and the header says who. */
export async function connect(page: Page, double: GitHubDouble, token: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('API base URL').fill(double.url);
  await dialog.getByLabel('Target repository').fill(UPSTREAM);
  await dialog.getByLabel('GitHub token').fill(token);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner').getByRole('status').filter({ hasText: 'Signed in as' })).toHaveText('Signed in as wingsmith-dev');
}

/** The double as API base, with no token: public repositories are read anonymously (Save closes: nothing to check). */
export async function useDoubleAnonymously(page: Page, double: GitHubDouble): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('API base URL').fill(double.url);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
}

/** Every control of the form whose name holds `key`, inside `group` when given. */
export function formControl(page: Page, key: string, group?: string) {
  const scope = group ? page.getByRole('group', { name: group, exact: true }) : page;
  return scope.getByRole('textbox', { name: new RegExp(`\\b${key}\\b`) }).first();
}

/** Waits until Problems lists no error (validation is debounced). */
export async function expectNoErrors(page: Page): Promise<void> {
  const heading = page.getByRole('region', { name: 'Problems' }).getByRole('heading');
  await expect(heading).not.toHaveText(/\b[1-9]\d* errors?\b/, { timeout: 10_000 });
}

export function stepsList(page: Page) {
  return page.getByRole('dialog', { name: 'Open pull request' }).getByRole('list', { name: 'Submission steps' });
}

/** Files a branch of the user's fork changes against upstream, as path → text, for exact comparisons. */
export function pullRequestFiles(double: GitHubDouble, number: number): Record<string, string | null> {
  return double.state.pullFiles(number);
}

/** The files the fork's branch holds under `folder`. */
export function branchFolder(double: GitHubDouble, branch: string, folder: string): Record<string, string> {
  const fork = [...double.state.repos.values()].find((r) => r.fork && r.branches.has(branch));
  if (!fork) throw new Error(`no fork holds branch ${branch}`);
  return double.state.branchFiles(`${fork.owner}/${fork.name}`, branch, folder);
}
