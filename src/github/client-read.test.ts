import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../test/shared-paths';
import { createGitHubDouble, type GitHubDouble } from '../../test/github-double/server';
import { CHROME_VERSIONS, PR_TEMPLATE, UPSTREAM } from '../../test/github-double/seed';
import { FONT_FOLDER, FONT_ID, FONT_VERSION } from '../../test/font-fixtures';
import { clientFor, expectedFiles, fontManifestInput, manifestInput } from '../../test/github-double/test-support';
import { createGitHubClient } from './client';
import { GitHubError } from './types';

let double: GitHubDouble;
beforeAll(async () => {
  double = await createGitHubDouble({ seed: true });
});
afterAll(() => double.close());

const classic = () => clientFor(double, 'ghp_double_classic').client;

describe('getTokenInfo', () => {
  it('reads the login and the scopes of a classic token', async () => {
    expect(await classic().getTokenInfo()).toEqual({ login: 'wingsmith-dev', scopes: ['public_repo'], kind: 'classic' });
  });

  it('recognises a fine-grained token by the missing X-OAuth-Scopes header', async () => {
    const { client } = clientFor(double, 'github_pat_double_fine');
    expect(await client.getTokenInfo()).toEqual({ login: 'wingsmith-dev', scopes: null, kind: 'fine-grained' });
  });

  it('turns a 401 into an auth error that asks for a new token', async () => {
    const error = await clientFor(double, 'ghp_wrong').client.getTokenInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect((error as GitHubError).userMessage).toMatch(/paste it in Settings/);
  });
});

describe('findPackage', () => {
  it('matches case-insensitively, keeps the repository casing and orders versions as winget does', async () => {
    const pkg = await classic().findPackage('google.CHROME');
    expect(pkg?.identifier).toBe('Google.Chrome');
    expect(pkg?.folder).toBe('manifests/g/Google/Chrome/');
    expect(pkg?.versions.map((v) => v.version)).toEqual(['124.0.6367.119', '124.0.6367.60', '99.0', '9.0.1']);
    expect(pkg?.versions).toHaveLength(CHROME_VERSIONS.length);
    expect(pkg?.versions[0]?.files).toEqual([
      'manifests/g/Google/Chrome/124.0.6367.119/Google.Chrome.installer.yaml',
      'manifests/g/Google/Chrome/124.0.6367.119/Google.Chrome.locale.en-US.yaml',
      'manifests/g/Google/Chrome/124.0.6367.119/Google.Chrome.locale.nb-NO.yaml',
      'manifests/g/Google/Chrome/124.0.6367.119/Google.Chrome.yaml',
    ]);
  });

  it('finds the child package on its own, and not as a version of its parent', async () => {
    const pkg = await classic().findPackage('google.chrome.exe');
    expect(pkg?.identifier).toBe('Google.Chrome.EXE');
    expect(pkg?.versions.map((v) => v.version)).toEqual(['124.0.6367.119']);
  });

  it('orders a suffixed version below the next release', async () => {
    const pkg = await classic().findPackage('WinSCP.WinSCP');
    expect(pkg?.versions.map((v) => v.version)).toEqual(['6.3.5', '5.18.5.RC']);
  });

  it('finds a font package under fonts/ and loads its version from there', async () => {
    double.state.commitFiles(UPSTREAM, 'master', expectedFiles(fontManifestInput()));
    const client = classic();
    const pkg = await client.findPackage('jetbrains.jetbrainsmono');
    expect(pkg).toMatchObject({ identifier: FONT_ID, folder: 'fonts/j/JetBrains/JetBrainsMono/' });
    expect(pkg?.versions.map((v) => v.folder)).toEqual([FONT_FOLDER]);
    const files = await client.loadVersion(pkg!, FONT_VERSION);
    expect(Object.fromEntries(files.map((f) => [f.path, f.text]))).toEqual(expectedFiles(fontManifestInput()));
    expect((await client.preflight(fontManifestInput())).kind).toBe('update-version');
  });

  it('answers undefined for unknown identifiers and for folders that only hold packages', async () => {
    expect(await classic().findPackage('Nobody.Nothing')).toBeUndefined();
    expect(await classic().findPackage('Google')).toBeUndefined();
    expect(await classic().findPackage('Google.Chrome.EXE.124')).toBeUndefined();
  });

  it('reads each version folder on its own when the recursive listing is truncated', async () => {
    double.state.treeEntryLimit = 3;
    try {
      const pkg = await classic().findPackage('Google.Chrome');
      expect(pkg?.versions.map((v) => v.version)).toEqual(['124.0.6367.119', '124.0.6367.60', '99.0', '9.0.1']);
    } finally {
      double.state.treeEntryLimit = 100_000;
    }
  });

  it('says not-found when the target repository does not exist', async () => {
    const { client } = clientFor(double, 'ghp_double_classic', { repository: 'nobody/nothing' });
    await expect(client.findPackage('Google.Chrome')).rejects.toMatchObject({ kind: 'not-found', status: 404 });
  });
});

describe('loadVersion', () => {
  it('returns the files of a version as text, exactly as stored', async () => {
    const client = classic();
    const pkg = (await client.findPackage('microsoft.visualstudiocode'))!;
    const files = await client.loadVersion(pkg, '1.95.3');
    expect(files.map((f) => f.name).sort()).toEqual([
      'Microsoft.VisualStudioCode.installer.yaml',
      'Microsoft.VisualStudioCode.locale.en-US.yaml',
      'Microsoft.VisualStudioCode.yaml',
    ]);
    for (const file of files) {
      expect(file.text).toBe(readFileSync(path.join(EXAMPLES_DIR, file.path), 'utf8').replace(/^\uFEFF/, ''));
    }
  });

  it('also loads through the contents API when the package came from elsewhere (e.g. a cache)', async () => {
    const pkg = (await classic().findPackage('Kubernetes.kubectl'))!;
    const files = await classic().loadVersion(structuredClone(pkg), '1.33.1');
    expect(files.find((f) => f.name.endsWith('zh-CN.yaml'))?.text).toContain('PackageLocale: zh-CN');
  });

  it('refuses a version the package does not have', async () => {
    const client = classic();
    const pkg = (await client.findPackage('Google.Chrome'))!;
    await expect(client.loadVersion(pkg, '1.2.3')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('preflight and the pull request template', () => {
  it('titles a new package, a new version and an update of an existing version', async () => {
    const client = classic();
    expect(await client.preflight(manifestInput('Example.NewThing', '1.0'))).toEqual({
      kind: 'new-package',
      title: 'New package: Example.NewThing version 1.0',
      versionExists: false,
      openPullRequests: [],
      arpVersionOverlaps: [],
      dependencyProblems: [],
    });
    expect((await client.preflight(manifestInput('Google.Chrome', '125.0'))).title).toBe('New version: Google.Chrome version 125.0');
    const update = await client.preflight(manifestInput('Google.Chrome', '99.0'));
    expect(update).toMatchObject({ kind: 'update-version', title: 'Update version: Google.Chrome version 99.0', versionExists: true });
  });

  it('reports the repository spelling when the identifier differs in case', async () => {
    const result = await classic().preflight(manifestInput('google.chrome', '125.0'));
    expect(result.repositoryIdentifier).toBe('Google.Chrome');
  });

  it('finds open pull requests for exactly this identifier and version', async () => {
    const pr = double.state.addOpenPull(UPSTREAM, 'someone', 'New version: Google.Chrome version 126.0');
    double.state.addOpenPull(UPSTREAM, 'someone', 'New version: Google.Chrome.EXE version 126.0');
    double.state.addOpenPull(UPSTREAM, 'someone', 'New version: Google.Chrome version 126.0.1');
    const closed = double.state.addOpenPull(UPSTREAM, 'someone', 'New version: Google.Chrome version 126.0 (again)');
    closed.state = 'closed';
    const result = await classic().preflight(manifestInput('Google.Chrome', '126.0'));
    expect(result.openPullRequests).toEqual([
      { number: pr.number, url: `${double.url}/microsoft/winget-pkgs/pull/${pr.number}`, title: 'New version: Google.Chrome version 126.0' },
    ]);
  });

  it('reads the repository PR template', async () => {
    expect(await classic().pullRequestTemplate()).toBe(PR_TEMPLATE);
  });

  it('finds a template inside a PULL_REQUEST_TEMPLATE folder, and none when there is none', async () => {
    const other = double.state.createRepo('someone', 'other-pkgs', { 'docs/PULL_REQUEST_TEMPLATE/a.md': 'first', 'docs/PULL_REQUEST_TEMPLATE/b.md': 'second' });
    const { client } = clientFor(double, 'ghp_double_classic', { repository: `${other.owner}/${other.name}` });
    expect(await client.pullRequestTemplate()).toBe('first');
    double.state.createRepo('someone', 'bare', { 'README.md': 'x' });
    expect(await clientFor(double, 'ghp_double_classic', { repository: 'someone/bare' }).client.pullRequestTemplate()).toBeUndefined();
  });
});

describe('settings and errors', () => {
  it('refuses invalid settings up front', () => {
    expect(() => createGitHubClient({ apiBaseUrl: 'http://example.com', repository: UPSTREAM, token: 't' })).toThrow(GitHubError);
  });

  it('reports the rate limit with its reset time', async () => {
    const resetAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 20 * 60_000);
    const saved = { ...double.state.rateLimit };
    double.state.exhaustRateLimit(resetAt);
    try {
      const error = (await classic().getTokenInfo().catch((e: unknown) => e)) as GitHubError;
      expect(error).toMatchObject({ kind: 'rate-limit', status: 403 });
      expect(error.resetAt?.getTime()).toBe(resetAt.getTime());
      expect(error.userMessage).toContain(resetAt.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
    } finally {
      double.state.rateLimit = saved;
    }
  });

  it('says network when GitHub cannot be reached', async () => {
    const { client } = clientFor(double, 'ghp_double_classic', { fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(client.getTokenInfo()).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('without a token', () => {
  it('finds and loads a published version of a public repository, sending no Authorization', async () => {
    const { client, requests } = clientFor(double, '');
    const pkg = await client.findPackage('Google.Chrome');
    expect(pkg?.versions[0]?.version).toBe('124.0.6367.119');
    const files = await client.loadVersion(pkg!, '124.0.6367.119');
    expect(files.map((f) => f.path)).toEqual(pkg!.versions[0]!.files);
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect(Object.keys(r.headers).map((h) => h.toLowerCase()), r.url).not.toContain('authorization');
  });

  it('refuses to check or open a pull request, or to ask who the user is, with the settings’ own message, before any request', async () => {
    const { client, requests } = clientFor(double, '');
    const input = manifestInput('Contoso.Anonymous', '1.0.0');
    for (const attempt of [() => client.getTokenInfo(), () => client.preflight(input), () => client.submit(input, () => {}), () => client.myOpenPullRequests()]) {
      const error = (await attempt().catch((e: unknown) => e)) as GitHubError;
      expect(error).toMatchObject({ kind: 'validation' });
      expect(error.userMessage).toContain('Paste a GitHub token');
    }
    expect(requests).toEqual([]);
  });

  it('says what a token changes when the anonymous rate limit is used up, and when a repository is not found', async () => {
    const saved = { anonymous: { ...double.state.anonymousRateLimit }, token: { ...double.state.rateLimit } };
    double.state.exhaustRateLimit(new Date(2_000_000_000_000), 'anonymous');
    try {
      const error = (await clientFor(double, '').client.findPackage('Google.Chrome').catch((e: unknown) => e)) as GitHubError;
      expect(error).toMatchObject({ kind: 'rate-limit', status: 403 });
      expect(error.userMessage).toContain('Without a token GitHub allows 60 requests an hour');
      // With a token the same answer does not say so.
      double.state.exhaustRateLimit(new Date(2_000_000_000_000));
      const withToken = (await classic().findPackage('Google.Chrome').catch((e: unknown) => e)) as GitHubError;
      expect(withToken.userMessage).not.toContain('Without a token');
    } finally {
      double.state.anonymousRateLimit = saved.anonymous;
      double.state.rateLimit = saved.token;
    }
    const missing = (await clientFor(double, '', { repository: 'nobody/nothing' }).client.findPackage('A.B').catch((e: unknown) => e)) as GitHubError;
    expect(missing).toMatchObject({ kind: 'not-found', status: 404 });
    expect(missing.userMessage).toContain('no token is set');
  });
});
