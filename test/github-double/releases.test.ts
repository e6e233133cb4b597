import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generatedBytes } from './release-state';
import { DOUBLE_LOGIN, UPSTREAM } from './seed';
import { SAMPLE_REPO, SAMPLE_TAG } from './seed-release';
import { createGitHubDouble, type GitHubDouble } from './server';

const TOKEN = 'ghp_double_classic';
const SOURCE = 'contoso/tool';
const MSI = Buffer.from('MSI bytes \u2713 '.repeat(1000));
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3, 255]);

let double: GitHubDouble;
beforeAll(async () => {
  double = await createGitHubDouble({ seed: true });
});
afterAll(() => double.close());
beforeEach(() => {
  double.reset();
  arrange();
});

function arrange(): void {
  const { state } = double;
  state.createRepo('contoso', 'tool', { 'README.md': '# Tool\n' }, 'main');
  state.setRepoMeta(SOURCE, {
    description: 'A tool',
    homepage: 'https://contoso.example/tool',
    topics: ['cli', 'windows'],
    license: { spdxId: 'MIT', text: 'MIT License\n\nCopyright (c) Contoso\n' },
  });
  state.addRelease('contoso', 'tool', { tag: 'v1.0.0', name: 'One', body: 'First', publishedAt: '2024-01-01T00:00:00Z', assets: [{ name: 'tool-1.0.0.zip', data: ZIP }] });
  state.addRelease('contoso', 'tool', {
    tag: 'v1.1.0',
    name: 'Tool 1.1',
    body: '## Notes\n- faster',
    publishedAt: '2024-02-01T00:00:00Z',
    assets: [
      { name: 'tool-1.1.0-x64.msi', data: MSI },
      { name: 'tool 1.1.0 portable.zip', data: ZIP },
    ],
  });
  state.addRelease('contoso', 'tool', { tag: 'v1.2.0-beta', publishedAt: '2024-03-01T00:00:00Z', prerelease: true, assets: [] });
  state.addRelease('contoso', 'tool', { tag: 'v2.0.0', draft: true, assets: [] });
  state.addRelease('contoso', 'tool', { tag: 'pkg/v3.0.0', publishedAt: '2023-06-01T00:00:00Z', assets: [{ name: 'pkg.zip', data: ZIP }] });
}

const anon = (path: string, init: RequestInit = {}) => fetch(`${double.url}${path}`, init);
const authed = (path: string, init: RequestInit = {}, token = TOKEN) =>
  fetch(`${double.url}${path}`, { ...init, headers: { Authorization: `token ${token}`, ...init.headers } });
const json = async <T = Record<string, unknown>>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;

interface AssetJson {
  id: number;
  name: string;
  size: number;
  url: string;
  browser_download_url: string;
  content_type: string;
  state: string;
  digest: string | null;
}
interface ReleaseJson {
  tag_name: string;
  name: string | null;
  body: string | null;
  html_url: string;
  draft: boolean;
  prerelease: boolean;
  published_at: string | null;
  assets: AssetJson[];
}

function assetOf(tag: string, name: string) {
  const release = double.state.repo(SOURCE)!.releases.find((r) => r.tag_name === tag)!;
  return release.assets.find((a) => a.name === name)!;
}

/** A GET that does not follow redirects and reads the body as far as the server sends it. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; error?: Error }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (error) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), error }));
      res.on('aborted', () => undefined);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('releases', () => {
  it('lists releases newest first, without drafts for anyone but the owner, with per_page/page and a Link header', async () => {
    const all = await json<ReleaseJson[]>(anon(`/repos/${SOURCE}/releases`));
    expect(all.map((r) => r.tag_name)).toEqual(['v1.2.0-beta', 'v1.1.0', 'v1.0.0', 'pkg/v3.0.0']);
    const page = await anon(`/repos/${SOURCE}/releases?per_page=2&page=2`);
    expect(((await page.json()) as ReleaseJson[]).map((r) => r.tag_name)).toEqual(['v1.0.0', 'pkg/v3.0.0']);
    expect(page.headers.get('link')).toContain('rel="prev"');
    const first = await anon(`/repos/${SOURCE}/releases?per_page=2`);
    expect(first.headers.get('link')).toBe(
      `<${double.url}/repos/${SOURCE}/releases?per_page=2&page=2>; rel="next", <${double.url}/repos/${SOURCE}/releases?per_page=2&page=2>; rel="last"`,
    );
    double.state.createRepo(DOUBLE_LOGIN, 'mine', { 'README.md': 'x' });
    double.state.addRelease(DOUBLE_LOGIN, 'mine', { tag: 'v0', draft: true, assets: [] });
    expect(await json<ReleaseJson[]>(anon(`/repos/${DOUBLE_LOGIN}/mine/releases`))).toEqual([]);
    const own = await json<ReleaseJson[]>(authed(`/repos/${DOUBLE_LOGIN}/mine/releases`));
    expect(own).toMatchObject([{ tag_name: 'v0', draft: true, published_at: null }]);
  });

  it('answers the latest full release, skipping drafts and prereleases, and 404 when there is none', async () => {
    const latest = await json<ReleaseJson>(anon(`/repos/${SOURCE}/releases/latest`));
    expect(latest).toMatchObject({
      tag_name: 'v1.1.0',
      name: 'Tool 1.1',
      body: '## Notes\n- faster',
      prerelease: false,
      draft: false,
      published_at: '2024-02-01T00:00:00Z',
      html_url: `https://github.com/${SOURCE}/releases/tag/v1.1.0`,
    });
    expect(latest.assets.map((a) => [a.name, a.size, a.content_type, a.state])).toEqual([
      ['tool-1.1.0-x64.msi', MSI.length, 'application/x-msi', 'uploaded'],
      ['tool 1.1.0 portable.zip', ZIP.length, 'application/zip', 'uploaded'],
    ]);
    expect(latest.assets[1]).toMatchObject({
      browser_download_url: `https://github.com/${SOURCE}/releases/download/v1.1.0/tool%201.1.0%20portable.zip`,
      url: `${double.url}/repos/${SOURCE}/releases/assets/${latest.assets[1]!.id}`,
      digest: `sha256:${createHash('sha256').update(ZIP).digest('hex')}`,
    });
    double.state.createRepo('contoso', 'empty', { 'README.md': 'x' });
    double.state.addRelease('contoso', 'empty', { tag: 'v0.1-rc', prerelease: true, assets: [] });
    const none = await anon('/repos/contoso/empty/releases/latest');
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ message: 'Not Found' });
  });

  it('finds a release by tag, also one with a slash, and not a draft', async () => {
    expect(await json<ReleaseJson>(anon(`/repos/${SOURCE}/releases/tags/v1.0.0`))).toMatchObject({ tag_name: 'v1.0.0', name: 'One' });
    const slashed = await json<ReleaseJson>(anon(`/repos/${SOURCE}/releases/tags/${encodeURIComponent('pkg/v3.0.0')}`));
    expect(slashed.html_url).toBe(`https://github.com/${SOURCE}/releases/tag/pkg%2Fv3.0.0`);
    expect(slashed.assets[0]!.browser_download_url).toBe(`https://github.com/${SOURCE}/releases/download/pkg%2Fv3.0.0/pkg.zip`);
    expect((await anon(`/repos/${SOURCE}/releases/tags/v9`)).status).toBe(404);
    expect((await anon(`/repos/${SOURCE}/releases/tags/v2.0.0`)).status).toBe(404);
    expect((await anon(`/repos/nobody/nothing/releases/tags/v1`)).status).toBe(404);
  });
});

describe('release assets', () => {
  it('answers the asset as JSON by default, and with Accept: application/octet-stream a 302 to the CDN that any page may read', async () => {
    const asset = assetOf('v1.1.0', 'tool-1.1.0-x64.msi');
    const meta = await json<AssetJson>(anon(`/repos/${SOURCE}/releases/assets/${asset.id}`));
    expect(meta).toMatchObject({ id: asset.id, name: 'tool-1.1.0-x64.msi', size: MSI.length, browser_download_url: asset.browser_download_url });
    const res = await anon(`/repos/${SOURCE}/releases/assets/${asset.id}`, { headers: { Accept: 'application/octet-stream' }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const location = res.headers.get('location')!;
    expect(location.startsWith(`${double.cdnUrl}/`)).toBe(true);
    expect(new URL(location).pathname).toMatch(new RegExp(`/${asset.id}/tool-1\\.1\\.0-x64\\.msi$`));
    expect(new URL(location).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect((await anon(`/repos/${SOURCE}/releases/assets/999999`)).status).toBe(404);
  });

  it('serves the exact bytes from the CDN, with CORS, length and file name, and counts the download', async () => {
    const asset = assetOf('v1.1.0', 'tool 1.1.0 portable.zip');
    const res = await fetch(`${double.url}/repos/${SOURCE}/releases/assets/${asset.id}`, { headers: { Accept: 'application/octet-stream', Origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
    expect(res.url.startsWith(double.cdnUrl)).toBe(true);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-length')).toBe(String(ZIP.length));
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="tool 1.1.0 portable.zip"; filename*=UTF-8''tool%201.1.0%20portable.zip`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ZIP);
    expect(asset.download_count).toBe(1);
    expect(double.state.cdnRequests.at(-1)).toMatchObject({ method: 'GET', status: 200, authorization: false });
  });

  it('streams a large generated asset without holding it, byte for byte', async () => {
    const size = 9 * 1024 * 1024 + 12_345;
    const generated = generatedBytes(size, 7);
    double.state.addRelease('contoso', 'tool', { tag: 'big', assets: [{ name: 'big.bin', ...generated }] });
    const asset = double.state.repo(SOURCE)!.releases.find((r) => r.tag_name === 'big')!.assets[0]!;
    expect(asset.data).toBeUndefined();
    const res = await fetch(`${double.url}/repos/${SOURCE}/releases/assets/${asset.id}`, { headers: { Accept: 'application/octet-stream' } });
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(size);
    expect(createHash('sha256').update(body).digest('hex')).toBe(createHash('sha256').update(generated.chunk(0, size)).digest('hex'));
    // Slices agree with the whole, and blocks differ from one another.
    expect(generated.chunk(1_048_570, 20)).toEqual(body.subarray(1_048_570, 1_048_590));
    expect(body.subarray(0, 64)).not.toEqual(body.subarray(1 << 20, (1 << 20) + 64));
  });

  it('refuses an Authorization header and a CORS preflight on the CDN, and a tampered signature', async () => {
    const asset = assetOf('v1.1.0', 'tool-1.1.0-x64.msi');
    const redirect = await anon(`/repos/${SOURCE}/releases/assets/${asset.id}`, { headers: { Accept: 'application/octet-stream' }, redirect: 'manual' });
    const location = redirect.headers.get('location')!;
    const withAuth = await fetch(location, { headers: { Authorization: `token ${TOKEN}` } });
    expect(withAuth.status).toBe(400);
    const text = await withAuth.text();
    expect(text).toContain('<Code>InvalidArgument</Code>');
    expect(text).toContain('Only one auth mechanism allowed');
    expect(text).not.toContain(TOKEN);
    const preflight = await fetch(location, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const tampered = new URL(location);
    tampered.pathname = tampered.pathname.replace(/[^/]+$/, 'other.msi');
    expect((await fetch(tampered)).status).toBe(403);
    expect(double.state.cdnRequests.map((r) => [r.method, r.status, r.authorization])).toEqual([
      ['GET', 400, true],
      ['OPTIONS', 403, false],
      ['GET', 403, false],
    ]);
    expect(double.state.cdnRequests[1]!.origin).toBe('http://localhost:5173');
  });

  it('drops the connection mid-download on demand: fewer bytes than Content-Length, then an error', async () => {
    const asset = assetOf('v1.1.0', 'tool-1.1.0-x64.msi');
    const api = `${double.url}/repos/${SOURCE}/releases/assets/${asset.id}`;
    double.cdnDropNext({ afterBytes: 100 });
    const res = await fetch(api, { headers: { Accept: 'application/octet-stream' } });
    expect(res.headers.get('content-length')).toBe(String(MSI.length));
    const reader = res.body!.getReader();
    let received = 0;
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        received += value.length;
      }
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(received).toBe(100);
    expect(double.state.cdnRequests.at(-1)).toMatchObject({ status: 200, droppedAfter: 100 });
    // Only the next download: the one after succeeds, and the control endpoint arranges the same.
    expect(Buffer.from(await (await fetch(api, { headers: { Accept: 'application/octet-stream' } })).arrayBuffer())).toEqual(MSI);
    await fetch(`${double.url}/_double/cdn-drop-next`, { method: 'POST', body: JSON.stringify({ afterBytes: 0 }) });
    const location = (await anon(`/repos/${SOURCE}/releases/assets/${asset.id}`, { headers: { Accept: 'application/octet-stream' }, redirect: 'manual' })).headers.get('location')!;
    const dropped = await rawGet(location);
    expect(dropped.status).toBe(200);
    expect(dropped.body.length).toBe(0);
    expect(dropped.error).toBeInstanceOf(Error);
  });
});

describe('the web host', () => {
  it('redirects github.com-style download URLs to the CDN without any CORS header, and answers no preflight', async () => {
    const asset = assetOf('pkg/v3.0.0', 'pkg.zip');
    const path = new URL(asset.browser_download_url).pathname;
    expect(path).toBe(`/${SOURCE}/releases/download/pkg%2Fv3.0.0/pkg.zip`);
    const res = await rawGet(`${double.webUrl}${path}`);
    expect(res.status).toBe(302);
    expect(String(res.headers.location).startsWith(`${double.cdnUrl}/`)).toBe(true);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect((await fetch(`${double.webUrl}${path}`)).status).toBe(200);
    const preflight = await fetch(`${double.webUrl}${path}`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect((await rawGet(`${double.webUrl}/${SOURCE}/releases/download/v1.0.0/missing.zip`)).status).toBe(404);
  });

  it('shows a release page', async () => {
    const page = await fetch(`${double.webUrl}/${SOURCE}/releases/tag/v1.1.0`);
    expect(await page.text()).toContain('Tool 1.1');
  });
});

describe('repository metadata', () => {
  it('adds description, homepage, topics, issues, license and visibility to the repository JSON', async () => {
    expect(await json(anon(`/repos/${SOURCE}`))).toMatchObject({
      full_name: SOURCE,
      description: 'A tool',
      homepage: 'https://contoso.example/tool',
      topics: ['cli', 'windows'],
      has_issues: true,
      private: false,
      visibility: 'public',
      license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT', url: `${double.url}/licenses/mit` },
    });
    expect(await json(anon(`/repos/${UPSTREAM}`))).toMatchObject({ description: null, license: null, topics: [] });
    expect(await json(anon(`/repos/${SOURCE}/topics`))).toEqual({ names: ['cli', 'windows'] });
  });

  it("answers the license file in GitHub's shape, and 404 when there is none", async () => {
    const license = await json<Record<string, unknown> & { content: string }>(anon(`/repos/${SOURCE}/license`));
    expect(license).toMatchObject({
      name: 'LICENSE',
      path: 'LICENSE',
      type: 'file',
      encoding: 'base64',
      html_url: `https://github.com/${SOURCE}/blob/main/LICENSE`,
      download_url: `https://raw.githubusercontent.com/${SOURCE}/main/LICENSE`,
      license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT' },
    });
    expect(Buffer.from(license.content, 'base64').toString()).toBe('MIT License\n\nCopyright (c) Contoso\n');
    expect(license.size).toBe('MIT License\n\nCopyright (c) Contoso\n'.length);
    expect((await anon(`/repos/${UPSTREAM}/license`)).status).toBe(404);
    double.state.setRepoMeta(SOURCE, { license: { spdxId: 'NOASSERTION', path: 'COPYING', text: 'All mine.\n' } });
    expect(await json(anon(`/repos/${SOURCE}`))).toMatchObject({ license: { key: 'other', spdx_id: 'NOASSERTION', url: null } });
  });
});

describe('access without a token', () => {
  it('serves reads of public repositories anonymously, under the anonymous rate limit, and logs whether a token came', async () => {
    const repo = await anon(`/repos/${SOURCE}`);
    expect(repo.status).toBe(200);
    expect(repo.headers.get('x-ratelimit-limit')).toBe('60');
    expect(repo.headers.get('x-ratelimit-remaining')).toBe('59');
    expect((await anon(`/repos/${UPSTREAM}/contents/README.md`)).status).toBe(200);
    expect((await anon(`/repos/${UPSTREAM}/git/trees/master`)).status).toBe(200);
    expect((await anon(`/repos/${SOURCE}/releases`)).status).toBe(200);
    expect((await authed(`/repos/${SOURCE}`)).headers.get('x-ratelimit-limit')).toBe('5000');
    expect(double.state.requests.map((r) => r.authorization)).toEqual([false, false, false, false, true]);
  });

  it('still refuses writes and /user without a token, and a bad token everywhere', async () => {
    const user = await anon('/user');
    expect(user.status).toBe(401);
    expect(await user.json()).toMatchObject({ message: 'Requires authentication' });
    const fork = await anon(`/repos/${UPSTREAM}/forks`, { method: 'POST', body: '{}' });
    expect(fork.status).toBe(401);
    expect((await anon(`/repos/${SOURCE}/git/blobs`, { method: 'POST', body: '{"content":"x"}' })).status).toBe(401);
    const bad = await authed(`/repos/${SOURCE}`, {}, 'ghp_nope');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('hides a private repository behind 404 from anyone but its owner, on every route', async () => {
    double.state.createRepo(DOUBLE_LOGIN, 'secret', { 'README.md': 'hush' }, 'main');
    double.state.setRepoMeta(`${DOUBLE_LOGIN}/secret`, { private: true, license: { spdxId: 'MIT', text: 'MIT' } });
    const release = double.state.addRelease(DOUBLE_LOGIN, 'secret', { tag: 'v1', assets: [{ name: 'a.exe', data: ZIP }] });
    const id = release.assets[0]!.id;
    double.state.tokens.set('ghp_other', { login: 'someone-else', id: 77, scopes: ['public_repo'] });
    const paths = ['', '/releases', '/releases/latest', '/releases/tags/v1', `/releases/assets/${id}`, '/license', '/topics', '/contents/README.md', '/git/trees/main'];
    for (const path of paths) {
      expect([path, (await anon(`/repos/${DOUBLE_LOGIN}/secret${path}`)).status]).toEqual([path, 404]);
      expect([path, (await authed(`/repos/${DOUBLE_LOGIN}/secret${path}`, {}, 'ghp_other')).status]).toEqual([path, 404]);
      expect([path, (await authed(`/repos/${DOUBLE_LOGIN}/secret${path}`)).status]).toEqual([path, 200]);
    }
    expect(await json(authed(`/repos/${DOUBLE_LOGIN}/secret`))).toMatchObject({ private: true, visibility: 'private' });
    // The web host knows no token, so its download URL is 404 too.
    expect((await rawGet(`${double.webUrl}/${DOUBLE_LOGIN}/secret/releases/download/v1/a.exe`)).status).toBe(404);
  });

  it('answers 403 with the anonymous message once the 60 requests are used up', async () => {
    double.state.exhaustRateLimit(new Date(2_000_000_000_000), 'anonymous');
    const res = await anon(`/repos/${SOURCE}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await res.json()) as { message: string }).message).toMatch(/^API rate limit exceeded for .*Authenticated requests get a higher rate limit/);
    expect((await authed(`/repos/${SOURCE}`)).status).toBe(200);
  });
});

describe('control endpoints for releases', () => {
  const post = (path: string, body: unknown) => fetch(`${double.url}/_double/${path}`, { method: 'POST', body: JSON.stringify(body) });

  it('create a repository with metadata and a release, and report CDN requests', async () => {
    const created = await json<{ id: number; htmlUrl: string; assets: { id: number; browserDownloadUrl: string; size: number }[] }>(
      post('release', {
        owner: 'fabrikam',
        repo: 'app',
        tag: 'v5',
        name: 'App 5',
        body: 'notes',
        publishedAt: '2024-05-01T00:00:00Z',
        assets: [
          { name: 'app.msi', base64: MSI.toString('base64') },
          { name: 'big.bin', size: 3_000_000, seed: 3 },
        ],
        repoMeta: { description: 'The app', topics: ['x'], hasIssues: false, license: { spdxId: 'Apache-2.0', text: 'Apache License' } },
      }),
    );
    expect(created.htmlUrl).toBe('https://github.com/fabrikam/app/releases/tag/v5');
    expect(created.assets.map((a) => a.size)).toEqual([MSI.length, 3_000_000]);
    expect(await json(anon('/repos/fabrikam/app'))).toMatchObject({ description: 'The app', has_issues: false, license: { spdx_id: 'Apache-2.0' } });
    expect(await json(anon('/repos/fabrikam/app/contents/README.md'))).toMatchObject({ path: 'README.md' });
    const bytes = await fetch(`${double.url}/repos/fabrikam/app/releases/assets/${created.assets[0]!.id}`, { headers: { Accept: 'application/octet-stream' } });
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(MSI);
    expect(await json<unknown[]>(fetch(`${double.url}/_double/cdn-requests`))).toMatchObject([{ method: 'GET', status: 200, authorization: false }]);
    expect(await json<unknown[]>(fetch(`${double.url}/_double/requests`))).toContainEqual({
      method: 'GET',
      path: `/repos/fabrikam/app/releases/assets/${created.assets[0]!.id}`,
      status: 302,
      authorization: false,
    });
    expect((await post('release', { owner: 'fabrikam', repo: 'app', tag: 'v5', assets: [] })).status).toBe(404);
  });

  it('seed a sample source repository with one release', async () => {
    expect(await json<ReleaseJson>(anon(`/repos/${SAMPLE_REPO}/releases/latest`))).toMatchObject({ tag_name: SAMPLE_TAG });
    expect(await json(anon(`/repos/${SAMPLE_REPO}`))).toMatchObject({ license: { spdx_id: 'MIT' }, topics: ['windows', 'cli', 'sample'] });
  });
});

describe('releases on a GitHub Enterprise-style double', () => {
  it('names its own web origin in release URLs and serves downloads there', async () => {
    const enterprise = await createGitHubDouble({ pathPrefix: '/api/v3' });
    try {
      enterprise.state.createRepo('contoso', 'tool', { 'README.md': 'x' }, 'main');
      const release = enterprise.state.addRelease('contoso', 'tool', { tag: 'v1', assets: [{ name: 'tool.msi', data: MSI }] });
      const body = await json<ReleaseJson>(fetch(`${enterprise.url}/repos/contoso/tool/releases/latest`));
      expect(body.html_url).toBe(`${enterprise.webUrl}/contoso/tool/releases/tag/v1`);
      expect(body.assets[0]!.browser_download_url).toBe(`${enterprise.webUrl}/contoso/tool/releases/download/v1/tool.msi`);
      expect(body.assets[0]!.url).toBe(`${enterprise.url}/repos/contoso/tool/releases/assets/${release.assets[0]!.id}`);
      const download = await fetch(body.assets[0]!.browser_download_url);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(MSI);
      expect(enterprise.state.requests.at(-1)).toMatchObject({ status: 302, outsidePrefix: true, authorization: false });
    } finally {
      await enterprise.close();
    }
  });
});
