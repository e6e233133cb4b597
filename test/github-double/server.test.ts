import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOUBLE_LOGIN, UPSTREAM } from './seed';
import { createGitHubDouble, type GitHubDouble } from './server';

let double: GitHubDouble;
beforeAll(async () => {
  double = await createGitHubDouble({ seed: true, forkDelayMs: 200 });
});
afterAll(() => double.close());

const auth = (token = 'ghp_double_classic') => ({ Authorization: `token ${token}` });
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${double.url}${path}`, { ...init, headers: { ...auth(), 'Content-Type': 'application/json', ...init.headers } });

describe('the GitHub API double', () => {
  it('requires a known token and tells classic from fine-grained tokens', async () => {
    expect((await fetch(`${double.url}/user`)).status).toBe(401);
    expect(await (await fetch(`${double.url}/user`, { headers: auth('nope') })).json()).toMatchObject({ message: 'Bad credentials' });
    expect((await api('/user')).headers.get('x-oauth-scopes')).toBe('public_repo');
    expect((await api('/user', { headers: auth('github_pat_double_fine') })).headers.has('x-oauth-scopes')).toBe(false);
  });

  it('answers CORS preflights and exposes the headers the app reads', async () => {
    const pre = await fetch(`${double.url}/user`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization');
    const res = await api('/user');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/X-OAuth-Scopes.*X-RateLimit-Reset/);
    expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeLessThan(5000);
  });

  it('lists trees per level and recursively', async () => {
    const ref = (await (await api(`/repos/${UPSTREAM}/git/ref/heads%2Fmaster`)).json()) as { object: { sha: string } };
    const top = (await (await api(`/repos/${UPSTREAM}/git/trees/${ref.object.sha}`)).json()) as { tree: { path: string }[] };
    expect(top.tree.map((e) => e.path)).toEqual(['.github', 'README.md', 'manifests']);
    const all = (await (await api(`/repos/${UPSTREAM}/git/trees/master?recursive=1`)).json()) as { tree: { path: string }[] };
    expect(all.tree.some((e) => e.path === 'manifests/g/Google/Chrome/EXE/124.0.6367.119/Google.Chrome.EXE.yaml')).toBe(true);
  });

  it('creates forks that answer after a delay and share objects with their parent', async () => {
    const created = await api(`/repos/${UPSTREAM}/forks`, { method: 'POST', body: '{}' });
    expect(created.status).toBe(202);
    expect(await created.json()).toMatchObject({ full_name: `${DOUBLE_LOGIN}/winget-pkgs`, fork: true, parent: { full_name: UPSTREAM } });
    expect((await api(`/repos/${DOUBLE_LOGIN}/winget-pkgs`)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 250));
    expect((await api(`/repos/${DOUBLE_LOGIN}/winget-pkgs`)).status).toBe(200);
    const blob = (await (await api(`/repos/${DOUBLE_LOGIN}/winget-pkgs/git/blobs`, { method: 'POST', body: JSON.stringify({ content: 'hi', encoding: 'utf-8' }) })).json()) as { sha: string };
    const read = (await (await api(`/repos/${UPSTREAM}/git/blobs/${blob.sha}`)).json()) as { content: string };
    expect(Buffer.from(read.content, 'base64').toString()).toBe('hi');
    // Writing to a repository one does not own is hidden behind 404, as on GitHub.
    expect((await api(`/repos/${UPSTREAM}/git/blobs`, { method: 'POST', body: '{"content":"x"}' })).status).toBe(404);
  });

  it('fails the next matching request on demand, then behaves again', async () => {
    double.failNext('GET', '/repos/*/*', 503);
    expect((await api(`/repos/${UPSTREAM}`)).status).toBe(503);
    expect((await api(`/repos/${UPSTREAM}`)).status).toBe(200);
  });

  it('answers 403 with the reset time once the rate limit is used up', async () => {
    const saved = { ...double.state.rateLimit };
    double.state.exhaustRateLimit(new Date(2_000_000_000_000));
    const res = await api('/user');
    double.state.rateLimit = saved;
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(res.headers.get('x-ratelimit-reset')).toBe('2000000000');
  });
});

describe('control endpoints', () => {
  it('arrange and inspect the double over HTTP, and reset it', async () => {
    const post = (path: string, body: unknown) => fetch(`${double.url}/_double/${path}`, { method: 'POST', body: JSON.stringify(body) });
    await post('open-pull', { title: 'New version: Google.Chrome version 200.0' });
    const pulls = (await (await fetch(`${double.url}/_double/pulls`)).json()) as { title: string }[];
    expect(pulls.map((p) => p.title)).toContain('New version: Google.Chrome version 200.0');
    await post('fail-next', { method: 'GET', path: '/user', status: 500 });
    expect((await api('/user')).status).toBe(500);
    const files = (await (await fetch(`${double.url}/_double/files?repo=${UPSTREAM}&prefix=.github/`)).json()) as Record<string, string>;
    expect(Object.keys(files)).toEqual(['.github/PULL_REQUEST_TEMPLATE.md', '.github/workflows/validate.yml']);
    expect((await fetch(`${double.url}/_double/files?repo=nobody/nothing`)).status).toBe(404);
    await post('reset', {});
    expect(await (await fetch(`${double.url}/_double/pulls`)).json()).toEqual([]);
  });
});

describe('trees', () => {
  it('refuses to delete a path the base tree does not have, as GitHub does', async () => {
    const head = (await (await api(`/repos/${UPSTREAM}/git/ref/heads%2Fmaster`)).json()) as { object: { sha: string } };
    const commit = (await (await api(`/repos/${UPSTREAM}/git/commits/${head.object.sha}`)).json()) as { tree: { sha: string } };
    await api(`/repos/${UPSTREAM}/forks`, { method: 'POST', body: '{}' });
    await new Promise((r) => setTimeout(r, 250));
    const tree = (path: string) =>
      api(`/repos/${DOUBLE_LOGIN}/winget-pkgs/git/trees`, {
        method: 'POST',
        body: JSON.stringify({ base_tree: commit.tree.sha, tree: [{ path, mode: '100644', type: 'blob', sha: null }] }),
      });
    const missing = await tree('manifests/g/Google/Chrome/99.0/Google.Chrome.locale.de-DE.yaml');
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { message: string }).message).toMatch(/does not exist in the base tree/);
    expect((await tree('manifests/g/Google/Chrome/99.0/Google.Chrome.locale.nb-NO.yaml')).status).toBe(201);
  });
});

describe('a path prefix (GitHub Enterprise Server)', () => {
  it('serves the API under the prefix, its pages at the root, and nothing of the API outside the prefix', async () => {
    const enterprise = await createGitHubDouble({ seed: true, pathPrefix: 'api/v3/' });
    try {
      expect(enterprise.url).toBe(`${enterprise.webUrl}/api/v3`);
      expect(enterprise.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const get = (url: string) => fetch(url, { headers: auth() });
      const repo = (await (await get(`${enterprise.url}/repos/${UPSTREAM}`)).json()) as Record<string, unknown>;
      expect(repo).toMatchObject({ url: `${enterprise.url}/repos/${UPSTREAM}`, html_url: `${enterprise.webUrl}/${UPSTREAM}` });
      expect((await get(`${enterprise.webUrl}/repos/${UPSTREAM}`)).status).toBe(404);
      expect((await get(`${enterprise.webUrl}/api/v3x/user`)).status).toBe(404);
      expect(enterprise.state.requests).toEqual([
        { method: 'GET', path: `/repos/${UPSTREAM}`, status: 200, authorization: true },
        { method: 'GET', path: `/repos/${UPSTREAM}`, status: 404, outsidePrefix: true, authorization: true },
        { method: 'GET', path: '/api/v3x/user', status: 404, outsidePrefix: true, authorization: true },
      ]);
      expect(await (await fetch(`${enterprise.webUrl}/`)).text()).toContain(`API base URL: ${enterprise.url}`);
      // Control endpoints answer both ways, since scripts build them from either address.
      expect((await fetch(`${enterprise.url}/_double/branches`)).status).toBe(200);
      expect((await fetch(`${enterprise.webUrl}/_double/branches`)).status).toBe(200);
    } finally {
      await enterprise.close();
    }
  });

  it('refuses a prefix that is not a plain path', async () => {
    await expect(createGitHubDouble({ pathPrefix: '/api?v=3' })).rejects.toThrow(/not a path prefix/);
  });
});
