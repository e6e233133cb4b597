// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubDouble, type GitHubDouble } from '../../../test/github-double/server';
import { DOUBLE_LOGIN, UPSTREAM } from '../../../test/github-double/seed';
import { expectedFiles, installerBody, manifestInput, withInstallerBody } from '../../../test/github-double/test-support';
import type { SubmissionInput } from '../../github/types';
import { saveGitHubConnection } from '../../document/github-connection';
import { createDocumentStore } from '../../document/store';
import { DocumentStoreProvider } from '../../document/use-editor';
import { validatorReady } from '../../document/validator';
import { PullRequestDialog } from './pull-request-dialog';

let double: GitHubDouble;
beforeEach(async () => {
  await validatorReady;
  double = await createGitHubDouble({ seed: true });
  double.state.commitFiles(UPSTREAM, 'master', expectedFiles(manifestInput('Contoso.Tool', '1.0')));
  saveGitHubConnection({ apiBaseUrl: double.url, repository: UPSTREAM, token: 'ghp_double_classic', keepToken: false });
});
afterEach(async () => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  await double.close();
});

function openDialogWith(identifierOrInput: string | SubmissionInput) {
  const input = typeof identifierOrInput === 'string' ? manifestInput(identifierOrInput, '1.0') : identifierOrInput;
  const store = createDocumentStore({ validateDelayMs: 0 });
  const imported = store.importFiles(input.files.map((f) => ({ name: f.path.slice(f.path.lastIndexOf('/') + 1), data: f.text })));
  expect(imported.ok).toBe(true);
  render(
    <DocumentStoreProvider store={store}>
      <PullRequestDialog onClose={() => {}} />
    </DocumentStoreProvider>,
  );
  return screen.getByRole('dialog', { name: 'Open pull request' });
}

describe('Open pull request', () => {
  it('shows the repository spelling of the publisher before sending anything', async () => {
    const dialog = openDialogWith('contoso.NewTool');
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('Nothing was sent:');
    expect(alert.textContent).toContain(
      "The repository spells this publisher Contoso (manifests/c/Contoso/). Change PackageIdentifier to Contoso.NewTool so the files sit with the publisher's other packages.",
    );
    expect(within(dialog).queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(double.state.repo(`${DOUBLE_LOGIN}/winget-pkgs`)).toBeUndefined();
    expect(double.state.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('opens the pull request when the identifier uses the repository spelling', async () => {
    const dialog = openDialogWith('Contoso.NewTool');
    const status = await within(dialog).findByRole('status', {}, { timeout: 10_000 });
    expect(status.textContent).toContain('The pull request is open.');
    expect(double.state.pulls.map((p) => p.title)).toEqual(['New package: Contoso.NewTool version 1.0']);
    expect(Object.keys(double.state.pullFiles(1)).every((path) => path.startsWith('manifests/c/Contoso/NewTool/1.0/'))).toBe(true);
  });

  it('warns about overlapping DisplayVersions and a missing dependency, and opens the pull request only when asked', async () => {
    const arp = (version: string, displayVersion: string, extra = '') =>
      withInstallerBody(manifestInput('Contoso.Arp', version), installerBody('msi', [displayVersion], extra));
    double.state.commitFiles(UPSTREAM, 'master', expectedFiles(arp('1.0', '1.0.0')));
    const dialog = openDialogWith(arp('1.1', '1.0.0', 'Dependencies:\n  PackageDependencies:\n  - PackageIdentifier: Nobody.Lib\n'));
    const warning = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
    expect(within(warning).getByRole('region', { name: 'Apps and Features versions' }).textContent).toContain(
      'The pipeline would label this pull request Manifest-AppsAndFeaturesVersion-Error:The Apps and Features DisplayVersions of this version (1.0.0) overlap those of version 1.0 (1.0.0) in the repository',
    );
    expect(within(warning).getByRole('region', { name: 'Dependencies' }).textContent).toContain(
      'The dependency Nobody.Lib is not in the repository (neither manifests/ nor fonts/ has it)',
    );
    expect(within(warning).queryByRole('region', { name: 'Open pull requests' })).toBeNull();
    expect(double.state.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    fireEvent.click(within(warning).getByRole('button', { name: 'Open pull request anyway' }));
    const status = await within(dialog).findByRole('status', {}, { timeout: 10_000 });
    expect(status.textContent).toContain('The pull request is open.');
    expect(double.state.pulls.map((p) => p.title)).toEqual(['New version: Contoso.Arp version 1.1']);
  });

  it('still warns about an open pull request for the same version', async () => {
    const pr = double.state.addOpenPull(UPSTREAM, 'someone', 'New package: Contoso.NewTool version 1.0');
    const dialog = openDialogWith('Contoso.NewTool');
    const warning = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
    expect(within(warning).getByRole('region', { name: 'Open pull requests' }).textContent).toContain(
      `A pull request for this package and version is already open:#${pr.number} New package: Contoso.NewTool version 1.0`,
    );
    expect(within(warning).queryByRole('region', { name: 'Dependencies' })).toBeNull();
  });

  it('reports the pull request GitHub made when its answer was lost, not as one already open', async () => {
    double.faultNext('POST', '/repos/*/*/pulls', { kind: 'drop-after' });
    const dialog = openDialogWith('Contoso.NewTool');
    const status = await within(dialog).findByRole('status', {}, { timeout: 10_000 });
    expect(status.textContent).toContain('The pull request is open.');
    expect(within(status).getByRole('link').getAttribute('href')).toBe(`${double.webUrl}/${UPSTREAM}/pull/1`);
    expect(dialog.textContent).not.toContain('already open');
    expect(double.state.pulls).toHaveLength(1);
  });

  it('Retry after a lost answer that could not be looked up finds the own pull request instead of warning about it', async () => {
    double.faultNext('POST', '/repos/*/*/pulls', { kind: 'drop-after' });
    double.failNext('GET', '/repos/*/*/pulls', 503);
    const dialog = openDialogWith('Contoso.NewTool');
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/GitHub may have opened the pull request/);
    expect(double.state.pulls).toHaveLength(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Retry' }));
    const status = await within(dialog).findByRole('status', {}, { timeout: 10_000 });
    expect(status.textContent).toContain('The pull request is open.');
    expect(within(status).getByRole('link').textContent).toBe('Pull request #1: New package: Contoso.NewTool version 1.0');
    expect(dialog.textContent).not.toContain('already open');
    expect(within(dialog).queryByRole('button', { name: 'Open pull request anyway' })).toBeNull();
    expect(double.state.pulls).toHaveLength(1);
    expect(double.state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))).toHaveLength(1);
  });

  it('names the user’s own open pull request for the version as theirs', async () => {
    const pr = double.state.addOpenPull(UPSTREAM, DOUBLE_LOGIN, 'New package: Contoso.NewTool version 1.0');
    const dialog = openDialogWith('Contoso.NewTool');
    const warning = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
    expect(within(warning).getByRole('region', { name: 'Your open pull requests' }).textContent).toContain(
      `You already have a pull request open for this package and version:#${pr.number} New package: Contoso.NewTool version 1.0`,
    );
    expect(warning.textContent).not.toContain('already open');
  });
});
