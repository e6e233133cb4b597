/**
 * Editing an open pull request against the GitHub double: load it, change a field, push one commit to its branch;
 * a branch someone else moved meanwhile; a pull request from someone else's fork.
 */
import { expect, test, type Page } from '@playwright/test';
import type { GitHubDouble } from '../test/github-double/server';
import { CLASSIC_TOKEN, UPSTREAM, connect, expectNoErrors, formControl, openApp, startDouble } from './github-support';

let double: GitHubDouble;
test.beforeEach(async () => {
  double = await startDouble();
});
test.afterEach(async () => {
  await double.close();
});

const FROM = 'manifests/m/Microsoft/AzureCLI/2.60.0/';
const FOLDER = 'manifests/m/Microsoft/AzureCLI/2.61.0/';
const LOCALE = `${FOLDER}Microsoft.AzureCLI.locale.en-US.yaml`;
const INSTALLER = `${FOLDER}Microsoft.AzureCLI.installer.yaml`;

/**
 * An open pull request adding Microsoft.AzureCLI 2.61.0 from `login`'s fork: the published 2.60.0 files, re-versioned
 * and at ManifestVersion 1.12.0 (one Wingsmith writes, so nothing but the user's edit changes).
 */
function seedPullRequest(login: string, labels: string[] = []) {
  const published = double.state.branchFiles(UPSTREAM, 'master', FROM);
  const files = Object.fromEntries(Object.entries(published).map(([path, text]) => [path.replace(FROM, FOLDER), text.replaceAll('2.60.0', '2.61.0').replaceAll('1.6.0', '1.12.0')]));
  const pull = double.state.addOpenPull(UPSTREAM, login, 'New version: Microsoft.AzureCLI version 2.61.0', files);
  pull.labels = labels;
  return { pull, files };
}

async function loadInDialog(page: Page, pick: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: 'Edit open pull request', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit open pull request' });
  await pick(dialog);
  return dialog;
}

test('loads my pull request, explains its labels, and pushes one commit with exactly the change', async ({ page }) => {
  const { pull, files } = seedPullRequest('wingsmith-dev', ['Needs-Author-Feedback', 'Validation-Domain']);
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  const dialog = await loadInDialog(page, async (d) => {
    await d.getByRole('button', { name: new RegExp(`^#${pull.number} New version: Microsoft\\.AzureCLI`) }).click();
  });
  await expect(dialog.getByText(`Loaded 3 files from ${FOLDER}`)).toBeVisible();
  const labels = dialog.getByRole('list', { name: 'Labels' });
  await expect(labels).toContainText('Needs-Author-Feedback');
  await expect(labels).toContainText('closed 3 days later');
  await expect(labels).toContainText('not the publisher’s');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const bar = page.getByRole('region', { name: 'Linked pull request' });
  await expect(bar.getByRole('link', { name: new RegExp(`^Pull request #${pull.number}`) })).toBeVisible();
  await formControl(page, 'Publisher').fill('Microsoft Corp.');
  await expectNoErrors(page);
  const commitsBefore = double.state.pullCommits(pull.number).length;
  await bar.getByRole('button', { name: 'Push changes' }).click();
  await expect(bar.getByText(/^Pushed commit [0-9a-f]{7}/)).toBeVisible();

  expect(double.state.pullCommits(pull.number)).toHaveLength(commitsBefore + 1);
  expect(double.state.pulls).toHaveLength(1);
  const after = double.state.pullFiles(pull.number);
  expect(after).toEqual({ ...files, [LOCALE]: files[LOCALE]!.replace('Publisher: Microsoft Corporation', 'Publisher: Microsoft Corp.') });

  // The link lives in the draft: a reload keeps it.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Linked pull request' }).getByRole('link', { name: new RegExp(`^Pull request #${pull.number}`) })).toBeVisible();
});

test('a branch that moved is not overwritten: reload re-applies my edit, then I push', async ({ page }) => {
  const { pull, files } = seedPullRequest('wingsmith-dev');
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  const dialog = await loadInDialog(page, async (d) => {
    await d.getByLabel('Pull request', { exact: true }).fill(`https://github.com/${UPSTREAM}/pull/${pull.number}`);
    await d.getByRole('button', { name: 'Load' }).click();
  });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await formControl(page, 'Publisher').fill('Microsoft Corp.');
  await expectNoErrors(page);

  // A moderator pushes to the branch meanwhile.
  const theirs = files[INSTALLER]!.replace('ManifestType: installer', 'ReleaseDate: 2024-05-01\nManifestType: installer');
  double.state.commitFiles(`${pull.head.repo.owner}/${pull.head.repo.name}`, pull.head.ref, { [INSTALLER]: theirs });
  const moved = double.state.pullCommits(pull.number).length;

  const bar = page.getByRole('region', { name: 'Linked pull request' });
  await bar.getByRole('button', { name: 'Push changes' }).click();
  await expect(bar.getByRole('alert')).toContainText('has commits you have not loaded');
  expect(double.state.pullCommits(pull.number)).toHaveLength(moved);
  await bar.getByRole('button', { name: 'Reload the pull request' }).click();
  await expect(bar.getByRole('status')).toContainText('took their changes to Microsoft.AzureCLI.installer.yaml; your edits are kept');
  await expect(formControl(page, 'Publisher')).toHaveValue('Microsoft Corp.');
  await bar.getByRole('button', { name: 'Push changes' }).click();
  await expect(bar.getByText(/^Pushed commit/)).toBeVisible();

  expect(double.state.pullCommits(pull.number)).toHaveLength(moved + 1);
  const after = double.state.pullFiles(pull.number);
  expect(after[INSTALLER]).toBe(theirs);
  expect(after[LOCALE]).toBe(files[LOCALE]!.replace('Publisher: Microsoft Corporation', 'Publisher: Microsoft Corp.'));
});

test('someone else’s pull request is not pushed to; its files can start a new one', async ({ page }) => {
  const { pull } = seedPullRequest('someone');
  await openApp(page);
  await connect(page, double, CLASSIC_TOKEN);
  const dialog = await loadInDialog(page, async (d) => {
    await d.getByLabel('Pull request', { exact: true }).fill(String(pull.number));
    await d.getByRole('button', { name: 'Load' }).click();
  });
  await expect(dialog.getByText('not in your fork')).toBeVisible();
  await dialog.getByRole('button', { name: 'Open a new pull request from these files' }).click();
  await expect(dialog).toBeHidden();
  await expect(formControl(page, 'PackageVersion')).toHaveValue('2.61.0');
  await expect(page.getByRole('region', { name: 'Linked pull request' })).toHaveCount(0);
});
