import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DOUBLE_LOGIN } from '../../test/github-double/seed';
import { createGitHubDouble, type GitHubDouble } from '../../test/github-double/server';
import type { RecordedRequest } from '../../test/github-double/test-support';
import { createReleaseReader, type ReleaseReader } from './releases';
import { GitHubError } from './types';

const TOKEN = 'ghp_double_classic';
const MSI = Buffer.from('an MSI, honestly '.repeat(500));
const EXE = Buffer.from('MZ and then some');

let double: GitHubDouble;
beforeAll(async () => {
  double = await createGitHubDouble({ seed: true });
});
afterAll(() => double.close());
beforeEach(() => {
  double.reset();
  arrange(double);
});

function arrange(d: GitHubDouble): void {
  const { state } = d;
  state.createRepo('Contoso', 'Widget', { 'README.md': '# Widget\n' }, 'main');
  state.setRepoMeta('Contoso/Widget', {
    description: 'Widgets for Windows',
    homepage: 'https://contoso.example/widget',
    topics: ['widgets', 'windows'],
    license: { spdxId: 'MIT', text: 'MIT License\n' },
  });
  state.addRelease('Contoso', 'Widget', { tag: 'v1.0.0', publishedAt: '2024-01-10T08:00:00Z', assets: [{ name: 'widget-1.0.0.msi', data: MSI }] });
  state.addRelease('Contoso', 'Widget', {
    tag: 'v1.1.0',
    name: 'Widget 1.1',
    body: '## Changes\n- **faster**',
    publishedAt: '2024-03-05T12:00:00Z',
    assets: [
      { name: 'widget-1.1.0-x64.msi', data: MSI },
      { name: 'Widget Setup 1.1.0.exe', data: EXE },
    ],
  });
  state.addRelease('Contoso', 'Widget', { tag: 'v2.0.0-rc.1', prerelease: true, publishedAt: '2024-04-01T00:00:00Z', assets: [] });
  state.addRelease('Contoso', 'Widget', { tag: 'cli/v3', publishedAt: '2023-01-01T00:00:00Z', assets: [{ name: 'cli.zip', data: EXE }] });
}

/** A reader whose fetch records every request, with or without a token. */
function readerFor(d: GitHubDouble, token: string, fetchImpl: typeof fetch = fetch): { reader: ReleaseReader; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push({ url, method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) } });
    return fetchImpl(input, init);
  };
  return { reader: createReleaseReader({ apiBaseUrl: d.url, token }, { fetch: recording }), requests };
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as GitHubError);

describe.each([
  ['with a token', TOKEN],
  ['without a token', ''],
])('getRelease %s', (_label, token) => {
  it('reads the latest full release, skipping the prerelease', async () => {
    const { reader, requests } = readerFor(double, token);
    const release = await reader.getRelease('contoso', 'widget');
    expect(release).toEqual({
      owner: 'Contoso',
      repo: 'Widget',
      tag: 'v1.1.0',
      name: 'Widget 1.1',
      body: '## Changes\n- **faster**',
      publishedAt: '2024-03-05T12:00:00Z',
      htmlUrl: 'https://github.com/Contoso/Widget/releases/tag/v1.1.0',
      prerelease: false,
      assets: [
        { id: expect.any(Number), name: 'widget-1.1.0-x64.msi', size: MSI.length, browserDownloadUrl: 'https://github.com/Contoso/Widget/releases/download/v1.1.0/widget-1.1.0-x64.msi' },
        { id: expect.any(Number), name: 'Widget Setup 1.1.0.exe', size: EXE.length, browserDownloadUrl: 'https://github.com/Contoso/Widget/releases/download/v1.1.0/Widget%20Setup%201.1.0.exe' },
      ],
    });
    // The token goes with every request when there is one, and no Authorization header at all otherwise.
    for (const r of requests) {
      expect(r.url.startsWith(`${double.url}/`)).toBe(true);
      expect(r.headers.authorization).toBe(token === '' ? undefined : `token ${token}`);
    }
    expect(double.state.requests.map((r) => r.authorization)).toEqual([token !== '']);
  });

  it('reads a release by tag, a prerelease and a tag with a slash too', async () => {
    const { reader } = readerFor(double, token);
    expect(await reader.getRelease('Contoso', 'Widget', 'v1.0.0')).toMatchObject({ tag: 'v1.0.0', name: '', body: '', assets: [{ name: 'widget-1.0.0.msi' }] });
    expect(await reader.getRelease('Contoso', 'Widget', 'v2.0.0-rc.1')).toMatchObject({ prerelease: true, assets: [] });
    expect(await reader.getRelease('Contoso', 'Widget', 'cli/v3')).toMatchObject({ tag: 'cli/v3', htmlUrl: 'https://github.com/Contoso/Widget/releases/tag/cli%2Fv3' });
  });

  it('names the missing tag, a repository without releases, and a missing repository', async () => {
    const { reader } = readerFor(double, token);
    const tag = await errorOf(reader.getRelease('Contoso', 'Widget', 'v9.9'));
    expect(tag).toBeInstanceOf(GitHubError);
    expect(tag).toMatchObject({ kind: 'not-found', status: 404 });
    expect(tag?.userMessage).toBe('Contoso/Widget has no release tagged “v9.9” (404). Check the tag on the repository\'s releases page.');
    double.state.createRepo('Contoso', 'Bare', { 'README.md': 'x' });
    expect((await errorOf(reader.getRelease('Contoso', 'Bare')))?.userMessage).toMatch(/^Contoso\/Bare has no published release yet/);
    const repo = await errorOf(reader.getRelease('nobody', 'nothing'));
    expect(repo?.userMessage).toMatch(/^nobody\/nothing was not found on github\.com \(404\): it does not exist, or it is private/);
  });
});

describe('private repositories', () => {
  beforeEach(() => {
    double.state.createRepo(DOUBLE_LOGIN, 'secret-tool', { 'README.md': 'x' }, 'main');
    double.state.setRepoMeta(`${DOUBLE_LOGIN}/secret-tool`, { private: true });
    double.state.addRelease(DOUBLE_LOGIN, 'secret-tool', { tag: 'v1', assets: [{ name: 'secret.exe', data: EXE }] });
  });

  it('reads them with the owner’s token, and says a token is missing otherwise', async () => {
    expect(await readerFor(double, TOKEN).reader.getRelease(DOUBLE_LOGIN, 'secret-tool')).toMatchObject({ tag: 'v1' });
    expect(await readerFor(double, TOKEN).reader.getRepository(DOUBLE_LOGIN, 'secret-tool')).toMatchObject({ private: true });
    const error = await errorOf(readerFor(double, '').reader.getRelease(DOUBLE_LOGIN, 'secret-tool'));
    expect(error?.userMessage).toContain('it is private and no token is set');
  });

  it('answers resolveAsset with private, not an exception', async () => {
    const url = `https://github.com/${DOUBLE_LOGIN}/secret-tool/releases/download/v1/secret.exe`;
    expect(await readerFor(double, '').reader.resolveAsset(url)).toEqual({ error: 'private', message: expect.stringContaining('private') });
    expect(await readerFor(double, TOKEN).reader.resolveAsset(url)).toMatchObject({ asset: { name: 'secret.exe' } });
  });
});

describe('getRepository', () => {
  it('reads metadata, topics and the license file’s page, naming github.com for the double', async () => {
    const { reader } = readerFor(double, '');
    expect(await reader.getRepository('contoso', 'widget')).toEqual({
      owner: 'Contoso',
      name: 'Widget',
      htmlUrl: 'https://github.com/Contoso/Widget',
      ownerHtmlUrl: 'https://github.com/Contoso',
      description: 'Widgets for Windows',
      homepage: 'https://contoso.example/widget',
      topics: ['widgets', 'windows'],
      license: { spdxId: 'MIT', htmlUrl: 'https://github.com/Contoso/Widget/blob/main/LICENSE' },
      hasIssues: true,
      private: false,
    });
    expect(double.state.requests.map((r) => r.path)).toEqual(['/repos/contoso/widget', '/repos/Contoso/Widget/license']);
  });

  it('leaves out what the repository does not have, and keeps NOASSERTION', async () => {
    double.state.createRepo('Contoso', 'Plain', { 'README.md': 'x' });
    const { reader } = readerFor(double, TOKEN);
    expect(await reader.getRepository('Contoso', 'Plain')).toEqual({
      owner: 'Contoso',
      name: 'Plain',
      htmlUrl: 'https://github.com/Contoso/Plain',
      ownerHtmlUrl: 'https://github.com/Contoso',
      topics: [],
      hasIssues: true,
      private: false,
    });
    double.state.setRepoMeta('Contoso/Plain', { license: { spdxId: 'NOASSERTION', path: 'LICENSE.txt', text: 'Custom terms' } });
    expect((await reader.getRepository('Contoso', 'Plain')).license).toEqual({ spdxId: 'NOASSERTION', htmlUrl: 'https://github.com/Contoso/Plain/blob/master/LICENSE.txt' });
  });

  it('asks the topics endpoint when the repository JSON has no topics (older GitHub Enterprise)', async () => {
    const withoutTopics: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).endsWith('/repos/Contoso/Widget')) return res;
      const { topics: _topics, ...rest } = (await res.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(rest), { status: res.status, headers: res.headers });
    };
    const { reader } = readerFor(double, TOKEN, withoutTopics);
    expect((await reader.getRepository('Contoso', 'Widget')).topics).toEqual(['widgets', 'windows']);
    expect(double.state.requests.map((r) => r.path)).toContain('/repos/Contoso/Widget/topics');
  });

  it('reports a missing repository', async () => {
    const error = await errorOf(readerFor(double, TOKEN).reader.getRepository('nobody', 'nothing'));
    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(error?.userMessage).toContain('the token cannot see it');
  });
});

describe('resolveAsset and the download URL', () => {
  it('finds the asset of a browser_download_url, whose API URL a page downloads without any token', async () => {
    const { reader, requests } = readerFor(double, TOKEN);
    const resolved = await reader.resolveAsset('https://github.com/Contoso/Widget/releases/download/v1.1.0/Widget%20Setup%201.1.0.exe');
    if ('error' in resolved) throw new Error(resolved.message);
    expect(resolved.asset).toMatchObject({ name: 'Widget Setup 1.1.0.exe', size: EXE.length });
    expect(resolved.apiUrl).toBe(`${double.url}/repos/Contoso/Widget/releases/assets/${resolved.asset.id}`);
    expect(reader.assetDownloadUrl('Contoso', 'Widget', resolved.asset.id)).toBe(resolved.apiUrl);
    // What the installer worker does: a simple request, followed to the CDN.
    const res = await fetch(resolved.apiUrl, { headers: { Accept: 'application/octet-stream' } });
    expect(Buffer.from(await res.arrayBuffer())).toEqual(EXE);
    expect(double.state.cdnRequests).toMatchObject([{ status: 200, authorization: false }]);
    expect(requests.every((r) => r.url.startsWith(`${double.url}/`))).toBe(true);
  });

  it('says not-found for a missing tag or file and for a URL of another host', async () => {
    const { reader } = readerFor(double, '');
    expect(await reader.resolveAsset('https://github.com/Contoso/Widget/releases/download/v1.1.0/missing.msi')).toEqual({
      error: 'not-found',
      message: 'The release v1.1.0 of Contoso/Widget has no file named “missing.msi”.',
    });
    expect(await reader.resolveAsset('https://github.com/Contoso/Widget/releases/download/v0.0.1/a.msi')).toMatchObject({ error: 'not-found', message: expect.stringContaining('“v0.0.1”') });
    expect(await reader.resolveAsset('https://example.com/a.msi')).toMatchObject({ error: 'not-found', message: 'https://example.com/a.msi is not a release download URL of github.com.' });
    expect(await reader.resolveAsset('https://github.com/Contoso/Widget/releases/download/cli%2Fv3/cli.zip')).toMatchObject({ asset: { name: 'cli.zip' } });
  });
});

describe('errors', () => {
  it('explains the lower anonymous rate limit', async () => {
    double.state.exhaustRateLimit(new Date(Date.now() + 600_000), 'anonymous');
    const error = await errorOf(readerFor(double, '').reader.getRelease('Contoso', 'Widget'));
    expect(error).toMatchObject({ kind: 'rate-limit', status: 403 });
    expect(error?.userMessage).toMatch(/rate limit is used up .* a token in Settings raises that to 5,000\.$/);
    expect(await readerFor(double, TOKEN).reader.getRelease('Contoso', 'Widget')).toMatchObject({ tag: 'v1.1.0' });
  });

  it('turns a bad token into an auth error, and refuses invalid settings up front', async () => {
    expect(await errorOf(readerFor(double, 'ghp_wrong').reader.getRelease('Contoso', 'Widget'))).toMatchObject({ kind: 'auth', status: 401 });
    expect(() => createReleaseReader({ apiBaseUrl: 'http://example.com', token: '' })).toThrow(GitHubError);
  });
});

describe('a GitHub Enterprise API base', () => {
  it('reads releases under /api/v3 and resolves the host’s own download URLs', async () => {
    const enterprise = await createGitHubDouble({ seed: true, pathPrefix: '/api/v3' });
    try {
      arrange(enterprise);
      const { reader, requests } = readerFor(enterprise, TOKEN);
      const release = await reader.getRelease('Contoso', 'Widget');
      expect(release.htmlUrl).toBe(`${enterprise.webUrl}/Contoso/Widget/releases/tag/v1.1.0`);
      expect(release.assets[0]?.browserDownloadUrl).toBe(`${enterprise.webUrl}/Contoso/Widget/releases/download/v1.1.0/widget-1.1.0-x64.msi`);
      const resolved = await reader.resolveAsset(release.assets[0]!.browserDownloadUrl);
      if ('error' in resolved) throw new Error(resolved.message);
      expect(resolved.apiUrl).toBe(`${enterprise.url}/repos/Contoso/Widget/releases/assets/${release.assets[0]!.id}`);
      expect(Buffer.from(await (await fetch(resolved.apiUrl, { headers: { Accept: 'application/octet-stream' } })).arrayBuffer())).toEqual(MSI);
      expect((await reader.getRepository('Contoso', 'Widget')).htmlUrl).toBe(`${enterprise.webUrl}/Contoso/Widget`);
      expect(requests.every((r) => r.url.startsWith(`${enterprise.url}/`))).toBe(true);
      expect(enterprise.state.requests.filter((r) => r.outsidePrefix)).toEqual([]);
    } finally {
      await enterprise.close();
    }
  });
});
