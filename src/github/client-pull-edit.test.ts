import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubDouble, type GitHubDouble } from '../../test/github-double/server';
import { DOUBLE_LOGIN, UPSTREAM } from '../../test/github-double/seed';
import { clientFor, manifestInput } from '../../test/github-double/test-support';
import { GitHubError } from './types';

let double: GitHubDouble;
beforeEach(async () => {
  double = await createGitHubDouble({ seed: true, forkDelayMs: 0 });
});
afterEach(() => double.close());

/** A pull request of the signed-in user (the double's login) opened through the real submission. */
async function myPullRequest() {
  const { client } = clientFor(double, 'ghp_double_classic');
  const input = manifestInput('Contoso.EditMe', '1.0.0');
  const result = await client.submit(input, () => {});
  if (result.kind !== 'pull-request') throw new Error('expected a pull request');
  return { client, input, number: result.number, folder: 'manifests/c/Contoso/EditMe/1.0.0/' };
}

async function rejection(promise: Promise<unknown>): Promise<GitHubError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof GitHubError)) throw new Error(`expected a GitHubError, got ${String(error)}`);
  return error;
}

describe('editing an open pull request', () => {
  it('reads its number from a URL, #N or N, and refuses another repository', () => {
    const { client } = clientFor(double, 'ghp_double_classic');
    expect(client.pullRequestNumber(`https://github.com/${UPSTREAM}/pull/42/files`)).toBe(42);
    expect(client.pullRequestNumber('#7')).toBe(7);
    expect(client.pullRequestNumber(' 12 ')).toBe(12);
    expect(() => client.pullRequestNumber('https://github.com/someone/else/pull/3')).toThrow(/not the target repository/);
    expect(() => client.pullRequestNumber('pull three')).toThrow(/number/);
  });

  it('lists my open pull requests with their labels', async () => {
    const { client, number } = await myPullRequest();
    double.state.pulls.find((p) => p.number === number)!.labels = ['Validation-Domain', 'Needs-Author-Feedback'];
    double.state.addOpenPull(UPSTREAM, 'someone', 'New version: Other.Tool version 2');
    const mine = await client.myOpenPullRequests();
    expect(mine.map((p) => [p.number, p.labels])).toEqual([[number, ['Validation-Domain', 'Needs-Author-Feedback']]]);
  });

  it('loads the version folder from the head branch and pushes one commit to the same branch', async () => {
    const { client, input, number, folder } = await myPullRequest();
    const loaded = await client.loadPullRequest(number);
    expect(loaded.notPushable).toBeUndefined();
    expect(loaded.link.folder).toBe(folder);
    expect(loaded.files.map((f) => f.path).sort()).toEqual(input.files.map((f) => f.path).sort());
    const edited = loaded.files.map((f) => ({ path: f.path, text: f.name.endsWith('.locale.en-US.yaml') ? f.text.replace('Contoso', 'Contoso Ltd') : f.text }));
    const before = double.state.pullCommits(number).length;
    const pushed = await client.pushChanges(loaded.link, edited);
    const commits = double.state.pullCommits(number);
    expect(commits).toHaveLength(before + 1);
    expect(commits.at(-1)!.sha).toBe(pushed.headSha);
    const files = double.state.pullFiles(number);
    expect(Object.fromEntries(edited.map((f) => [f.path, f.text]))).toEqual(files);
    expect(double.state.pulls.filter((p) => p.state === 'open')).toHaveLength(1);
  });

  it('refuses to push over commits it has not loaded, and pushes nothing', async () => {
    const { client, number, folder } = await myPullRequest();
    const loaded = await client.loadPullRequest(number);
    double.state.commitFiles(`${DOUBLE_LOGIN}/winget-pkgs`, double.state.pulls[0]!.head.ref, { [`${folder}note.txt`]: 'x' });
    const head = double.state.pulls[0]!.head;
    const moved = head.repo.branches.get(head.ref);
    const error = await rejection(client.pushChanges(loaded.link, loaded.files));
    expect(error.kind).toBe('conflict');
    expect(error.userMessage).toMatch(/Reload the pull request/);
    expect(head.repo.branches.get(head.ref)).toBe(moved);
  });

  it('refuses closed and merged pull requests, and files outside the version', async () => {
    const { client, number } = await myPullRequest();
    const loaded = await client.loadPullRequest(number);
    const outside = await rejection(client.pushChanges(loaded.link, [{ path: 'manifests/c/Contoso/EditMe/2.0.0/x.yaml', text: '' }]));
    expect(outside.userMessage).toMatch(/outside manifests\/c\/Contoso\/EditMe\/1\.0\.0\//);
    const pull = double.state.pulls[0]!;
    pull.state = 'closed';
    expect((await rejection(client.loadPullRequest(number))).userMessage).toMatch(/is closed/);
    pull.merged = true;
    expect((await rejection(client.loadPullRequest(number))).userMessage).toMatch(/already merged/);
  });

  it('loads someone else’s pull request but says it cannot push there', async () => {
    const folder = 'manifests/o/Other/Tool/2.0.0/';
    const pull = double.state.addOpenPull(UPSTREAM, 'someone', 'New version: Other.Tool version 2.0.0', {
      [`${folder}Other.Tool.yaml`]: 'PackageIdentifier: Other.Tool\nPackageVersion: 2.0.0\nDefaultLocale: en-US\nManifestType: version\nManifestVersion: 1.10.0\n',
    });
    const { client } = clientFor(double, 'ghp_double_classic');
    const loaded = await client.loadPullRequest(pull.number);
    expect(loaded.notPushable).toMatch(/someone\/winget-pkgs, not in your fork/);
    expect((await rejection(client.pushChanges(loaded.link, loaded.files))).kind).toBe('forbidden');
  });

  it('refuses a pull request that spans two versions', async () => {
    const pull = double.state.addOpenPull(UPSTREAM, DOUBLE_LOGIN, 'Two versions', {
      'manifests/o/Other/Tool/1.0.0/Other.Tool.yaml': 'a: 1\n',
      'manifests/o/Other/Tool/2.0.0/Other.Tool.yaml': 'a: 2\n',
    });
    const { client } = clientFor(double, 'ghp_double_classic');
    expect((await rejection(client.loadPullRequest(pull.number))).userMessage).toMatch(/outside one package version/);
  });
});
