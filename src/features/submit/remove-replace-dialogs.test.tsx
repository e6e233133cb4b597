// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubDouble, type GitHubDouble } from '../../../test/github-double/server';
import { UPSTREAM } from '../../../test/github-double/seed';
import { clientFor, expectedFiles, manifestInput } from '../../../test/github-double/test-support';
import { saveGitHubConnection } from '../../document/github-connection';
import { createDocumentStore } from '../../document/store';
import { DocumentStoreProvider } from '../../document/use-editor';
import { validatorReady } from '../../document/validator';
import { setBaseline } from './next-version-baseline';
import { PullRequestDialog } from './pull-request-dialog';
import { RemoveVersionDialog } from './remove-version-dialog';
import { replaceOffer } from './replace-version-option';

let double: GitHubDouble;
beforeEach(async () => {
  await validatorReady;
  double = await createGitHubDouble({ seed: true });
  saveGitHubConnection({ apiBaseUrl: double.url, repository: UPSTREAM, token: 'ghp_double_classic', keepToken: false });
});
afterEach(async () => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  await double.close();
});

describe('Remove version', () => {
  async function openFor(identifier: string, version: string) {
    const pkg = (await clientFor(double, 'ghp_double_classic').client.findPackage(identifier))!;
    render(<RemoveVersionDialog pkg={pkg} initialVersion={version} onClose={() => {}} />);
    return screen.getByRole('dialog', { name: 'Remove version' });
  }

  it('asks for the reason, then opens the pull request', async () => {
    const dialog = await openFor('Google.Chrome', '99.0');
    const send = within(dialog).getByRole('button', { name: 'Open removal pull request' });
    fireEvent.click(send);
    expect(within(dialog).getByRole('alert').textContent).toBe('Type the reason for the removal: the pull request states it, and moderators ask for it.');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Reason'));
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Broken download' } });
    fireEvent.click(send);
    const status = await within(dialog).findByRole('status', {}, { timeout: 10_000 });
    expect(status.textContent).toContain('The pull request is open.');
    expect(double.state.pulls.map((p) => p.title)).toEqual(['Remove version: Google.Chrome version 99.0']);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('refuses the last version and warns for the newest', async () => {
    double.state.commitFiles(UPSTREAM, 'master', expectedFiles(manifestInput('Contoso.Tool', '1.0')));
    const last = await openFor('Contoso.Tool', '1.0');
    expect(within(last).getByRole('alert').textContent).toMatch(/^1\.0 is the only version of Contoso\.Tool/);
    expect((within(last).getByRole('button', { name: 'Open removal pull request' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();

    const newest = await openFor('Google.Chrome', '124.0.6367.119');
    expect(within(newest).getByRole('alert').textContent).toContain('Highest-Version-Removal');
    const confirm = within(newest).getByLabelText('Remove the newest version anyway') as HTMLInputElement;
    fireEvent.click(confirm);
    expect(confirm.checked).toBe(true);
    // Another version clears the confirmation and the warning.
    fireEvent.change(within(newest).getByLabelText('Version'), { target: { value: '99.0' } });
    expect(within(newest).queryByRole('alert')).toBeNull();
    fireEvent.change(within(newest).getByLabelText('Version'), { target: { value: '124.0.6367.119' } });
    expect((within(newest).getByLabelText('Remove the newest version anyway') as HTMLInputElement).checked).toBe(false);
    expect(double.state.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('Replace version in Open pull request', () => {
  function openDraft(version: string, previousVersion: string) {
    const input = manifestInput('Google.Chrome', version);
    const store = createDocumentStore({ validateDelayMs: 0 });
    expect(store.importFiles(input.files.map((f) => ({ name: f.path.slice(f.path.lastIndexOf('/') + 1), data: f.text }))).ok).toBe(true);
    setBaseline(store.getState().draftId, { identifier: 'Google.Chrome', previousVersion, previousInstallers: [] });
    render(
      <DocumentStoreProvider store={store}>
        <PullRequestDialog onClose={() => {}} />
      </DocumentStoreProvider>,
    );
    return { dialog: screen.getByRole('dialog', { name: 'Open pull request' }), input };
  }

  it('waits for the choice, and a ticked box deletes the baseline version in the same commit', async () => {
    const { dialog, input } = openDraft('125.0', '99.0');
    const box = (await within(dialog).findByRole('checkbox', { name: 'Replace version 99.0' }, { timeout: 10_000 })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(double.state.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    fireEvent.click(box);
    expect(dialog.querySelector('p.submit-title')?.textContent).toBe('New version: Google.Chrome version 125.0 (replaces 99.0)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send pull request' }));
    await within(dialog).findByRole('status', {}, { timeout: 10_000 });
    const [pull] = double.state.pulls;
    expect(pull!.title).toBe('New version: Google.Chrome version 125.0 (replaces 99.0)');
    const files = double.state.pullFiles(pull!.number);
    expect(Object.entries(files).filter(([, text]) => text !== null).map(([p]) => p).sort()).toEqual(input.files.map((f) => f.path).sort());
    expect(Object.keys(files).filter((p) => files[p] === null).every((p) => p.startsWith('manifests/g/Google/Chrome/99.0/'))).toBe(true);
  });

  it('offers only another version of the same package', () => {
    const baseline = { identifier: 'Google.Chrome', previousVersion: '99.0', previousInstallers: [] };
    expect(replaceOffer(baseline, { identifier: 'google.chrome', version: '100.0' })).toBe('99.0');
    expect(replaceOffer(baseline, { identifier: 'Google.Chrome', version: '99.0' })).toBeUndefined();
    expect(replaceOffer(baseline, { identifier: 'Google.ChromeBeta', version: '100.0' })).toBeUndefined();
    expect(replaceOffer(undefined, { identifier: 'Google.Chrome', version: '100.0' })).toBeUndefined();
  });
});
