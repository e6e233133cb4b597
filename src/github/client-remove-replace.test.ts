import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubDouble, type GitHubDouble } from '../../test/github-double/server';
import { DOUBLE_LOGIN, UPSTREAM, WORKFLOW } from '../../test/github-double/seed';
import { clientFor, expectedFiles, manifestInput } from '../../test/github-double/test-support';
import { removalCheck } from './remove-version';
import { GitHubError, type PackageInfo, type SubmissionResult, type SubmissionStep } from './types';

const FORK = `${DOUBLE_LOGIN}/winget-pkgs`;
const CHROME = 'manifests/g/Google/Chrome/';
let double: GitHubDouble;

beforeEach(async () => {
  double = await createGitHubDouble({ seed: true });
});
afterEach(() => double.close());

function pullOf(result: SubmissionResult) {
  if (result.kind !== 'pull-request') throw new Error('expected a pull request');
  return double.state.pulls.find((p) => p.number === result.number)!;
}

/** Upstream's files at the head the pull request was opened on, with `change` applied (null deletes). */
function upstreamWith(change: Record<string, string | null>): Record<string, string> {
  const out = double.state.branchFiles(UPSTREAM, 'master');
  for (const [path, text] of Object.entries(change)) {
    if (text === null) delete out[path];
    else out[path] = text;
  }
  return out;
}

function deletedFolder(folder: string): Record<string, null> {
  return Object.fromEntries(Object.keys(double.state.branchFiles(UPSTREAM, 'master', folder)).map((p) => [p, null]));
}

function writes(requests: { method: string; url: string }[]): string[] {
  return requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${new URL(r.url).pathname}`);
}

describe('removeVersion', () => {
  it('opens a pull request whose one commit deletes every file of the version folder and nothing else', async () => {
    const { client, requests } = clientFor(double, 'ghp_double_classic');
    // A stray file in the folder goes too: the pull request removes the folder, not only its manifests.
    double.state.commitFiles(UPSTREAM, 'master', { [`${CHROME}99.0/notes.txt`]: 'left over\n' });
    const gone = deletedFolder(`${CHROME}99.0/`);
    expect(Object.keys(gone)).toContain(`${CHROME}99.0/notes.txt`);
    expect(Object.keys(gone).filter((p) => p.endsWith('.yaml')).length).toBeGreaterThanOrEqual(3);
    const history: SubmissionStep[][] = [];
    const result = await client.removeVersion(
      { identifier: 'Google.Chrome', version: '99.0', reason: 'The installer URL answers 404.' },
      (s) => history.push(s),
    );
    const pull = pullOf(result);
    expect(pull.title).toBe('Remove version: Google.Chrome version 99.0');
    expect(result.branch).toMatch(/^Remove-Google\.Chrome-99\.0-[a-z0-9]{6}$/);
    expect(pull.body).toMatch(/^### Reason for removal\n\nThe installer URL answers 404\.\n\n- \[ \] Have you signed/);
    expect(pull.body.endsWith('Created with Wingsmith.')).toBe(true);
    expect(double.state.pullFiles(pull.number)).toEqual(gone);
    expect(double.state.branchFiles(FORK, result.branch)).toEqual(upstreamWith(gone));
    expect(double.state.pullCommits(pull.number).map((c) => c.message)).toEqual([pull.title]);
    const last = history[history.length - 1]!;
    expect(last.find((s) => s.id === 'blobs')).toMatchObject({ status: 'skipped', detail: 'Nothing to upload: this pull request only deletes files.' });
    expect(last.filter((s) => s.id !== 'blobs').every((s) => s.status === 'done')).toBe(true);
    // The same machinery as any submission, with no blob to upload.
    expect(writes(requests)).toEqual([
      'POST /repos/microsoft/winget-pkgs/forks',
      `POST /repos/${FORK}/git/trees`,
      `POST /repos/${FORK}/git/commits`,
      `POST /repos/${FORK}/git/refs`,
      'POST /repos/microsoft/winget-pkgs/pulls',
    ]);
  });

  it('refuses the last remaining version of a package, sending nothing', async () => {
    double.state.commitFiles(UPSTREAM, 'master', expectedFiles(manifestInput('Contoso.Tool', '1.0')));
    const { client, requests } = clientFor(double, 'ghp_double_classic');
    const error = (await client.removeVersion({ identifier: 'Contoso.Tool', version: '1.0', reason: 'Gone' }, () => {}).catch((e: unknown) => e)) as GitHubError;
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.kind).toBe('validation');
    expect(error.userMessage).toBe(
      '1.0 is the only version of Contoso.Tool in the repository: removing it would remove the package, which Wingsmith does not do. To swap it for a new version, use Update existing package and tick “Replace version 1.0” when you open the pull request.',
    );
    expect(writes(requests)).toEqual([]);
    expect(double.state.pulls).toHaveLength(0);
  });

  it('removes the newest version only when the user confirmed it', async () => {
    const { client, requests } = clientFor(double, 'ghp_double_classic');
    const input = { identifier: 'Google.Chrome', version: '124.0.6367.119', reason: 'Withdrawn by the publisher.' };
    const error = (await client.removeVersion(input, () => {}).catch((e: unknown) => e)) as GitHubError;
    expect(error.userMessage).toBe(
      '124.0.6367.119 is the newest version of Google.Chrome. The repository labels a pull request that removes the newest version Highest-Version-Removal and moderators ask why; afterwards winget offers 124.0.6367.60 as the newest. Confirm removing the newest version to go on.',
    );
    expect(writes(requests)).toEqual([]);

    const result = await client.removeVersion({ ...input, confirmHighest: true }, () => {});
    const pull = pullOf(result);
    expect(pull.title).toBe('Remove version: Google.Chrome version 124.0.6367.119');
    expect(double.state.pullFiles(pull.number)).toEqual(deletedFolder(`${CHROME}124.0.6367.119/`));
  });

  it('needs a reason and a version the repository has', async () => {
    const { client } = clientFor(double, 'ghp_double_classic');
    await expect(client.removeVersion({ identifier: 'Google.Chrome', version: '99.0', reason: '  ' }, () => {})).rejects.toMatchObject({
      kind: 'validation',
      userMessage: 'Give the reason for the removal: the pull request states it, and moderators ask for it.',
    });
    await expect(client.removeVersion({ identifier: 'Google.Chrome', version: '98.0', reason: 'x' }, () => {})).rejects.toMatchObject({
      userMessage: 'Google.Chrome has no version 98.0 in the repository (any more). Load the package again.',
    });
    expect(double.state.repo(FORK)).toBeUndefined();
  });

  it("builds on the fork's head without the workflow scope, and refuses when the fork lacks the folder", async () => {
    double.state.fork(double.state.mustRepo(UPSTREAM), DOUBLE_LOGIN);
    const forkHead = double.state.mustRepo(FORK).branches.get('master')!;
    double.state.commitFiles(UPSTREAM, 'master', { '.github/workflows/validate.yml': `${WORKFLOW}# changed\n` });
    const { client } = clientFor(double, 'ghp_double_classic');
    const result = await client.removeVersion({ identifier: 'Google.Chrome', version: '99.0', reason: 'Broken' }, () => {});
    const pull = pullOf(result);
    expect(double.state.mustRepo(FORK).store.commits.get(pull.head.sha)?.parents).toEqual([forkHead]);
    expect(Object.keys(double.state.branchFiles(FORK, result.branch, `${CHROME}99.0/`))).toEqual([]);

    // A version added upstream after the fork's head cannot be deleted on the fork's tree.
    const added = manifestInput('Google.Chrome', '9.0.2');
    double.state.commitFiles(UPSTREAM, 'master', expectedFiles(added));
    const error = (await client.removeVersion({ identifier: 'Google.Chrome', version: '9.0.2', reason: 'Broken' }, () => {}).catch((e: unknown) => e)) as GitHubError;
    expect(error.userMessage).toMatch(/^Your fork wingsmith-dev\/winget-pkgs does not have manifests\/g\/Google\/Chrome\/9\.0\.2\/ yet/);
    expect(double.state.pulls).toHaveLength(1);
  });
});

describe('removalCheck', () => {
  const pkg = (versions: string[]): PackageInfo => ({
    identifier: 'A.B',
    folder: 'manifests/a/A/B/',
    versions: versions.map((version) => ({ version, folder: `manifests/a/A/B/${version}/`, files: [] })),
  });
  it('refuses the last version, warns for the newest, lets older ones go', () => {
    expect(removalCheck(pkg(['1.0']), '1.0').refusal).toMatch(/only version/);
    expect(removalCheck(pkg(['2.0', '1.0']), '2.0')).toMatchObject({ highest: true, warning: expect.stringContaining('Highest-Version-Removal') as unknown });
    expect(removalCheck(pkg(['2.0', '1.0']), '1.0')).toEqual({ highest: false });
  });
});

describe('submit with replaceVersion', () => {
  it('adds the new version and deletes the replaced one in one commit, saying so in the title', async () => {
    const { client } = clientFor(double, 'ghp_double_classic');
    const input = { ...manifestInput('Google.Chrome', '125.0'), replaceVersion: '99.0' };
    const preflight = await client.preflight(input);
    expect(preflight.title).toBe('New version: Google.Chrome version 125.0 (replaces 99.0)');
    const result = await client.submit(input, () => {});
    const pull = pullOf(result);
    expect(pull.title).toBe('New version: Google.Chrome version 125.0 (replaces 99.0)');
    const change = { ...expectedFiles(input), ...deletedFolder(`${CHROME}99.0/`) };
    expect(double.state.pullFiles(pull.number)).toEqual(change);
    expect(double.state.branchFiles(FORK, result.branch)).toEqual(upstreamWith(change));
    expect(double.state.pullCommits(pull.number)).toHaveLength(1);
  });

  it('refuses to replace a version with itself or one the repository does not have', async () => {
    const { client } = clientFor(double, 'ghp_double_classic');
    await expect(client.submit({ ...manifestInput('Google.Chrome', '99.0'), replaceVersion: '99.0' }, () => {})).rejects.toMatchObject({
      userMessage: 'Version 99.0 cannot replace itself: changing a published version is an update. Open the pull request without replacing a version.',
    });
    await expect(client.submit({ ...manifestInput('Google.Chrome', '125.0'), replaceVersion: '98.0' }, () => {})).rejects.toMatchObject({
      userMessage: 'Google.Chrome has no version 98.0 in the repository (any more), so it cannot be replaced. Open the pull request without replacing a version.',
    });
    expect(double.state.repo(FORK)).toBeUndefined();
  });

  it("deletes the fork's copy when building on the fork, and refuses when the fork lacks the replaced version", async () => {
    double.state.fork(double.state.mustRepo(UPSTREAM), DOUBLE_LOGIN);
    double.state.commitFiles(UPSTREAM, 'master', { '.github/workflows/validate.yml': `${WORKFLOW}# changed\n` });
    const { client } = clientFor(double, 'ghp_double_classic');
    const input = { ...manifestInput('Google.Chrome', '125.0'), replaceVersion: '99.0' };
    const result = await client.submit(input, () => {});
    const pull = pullOf(result);
    expect(double.state.pullFiles(pull.number)).toEqual({ ...expectedFiles(input), ...deletedFolder(`${CHROME}99.0/`) });

    double.state.commitFiles(UPSTREAM, 'master', expectedFiles(manifestInput('Google.Chrome', '9.0.2')));
    const error = (await client.submit({ ...manifestInput('Google.Chrome', '126.0'), replaceVersion: '9.0.2' }, () => {}).catch((e: unknown) => e)) as GitHubError;
    expect(error.userMessage).toMatch(/^Your fork wingsmith-dev\/winget-pkgs does not have version 9\.0\.2 yet/);
    expect([...double.state.mustRepo(FORK).branches.keys()].sort()).toEqual(['master', result.branch].sort());
  });
});
