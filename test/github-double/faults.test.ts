import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DOUBLE_LOGIN, UPSTREAM } from './seed';
import { createGitHubDouble, type GitHubDouble } from './server';

let double: GitHubDouble;
beforeEach(async () => {
  if (double) double.reset();
  else double = await createGitHubDouble({ seed: true });
});
afterAll(() => double.close());

const FORK = `${DOUBLE_LOGIN}/winget-pkgs`;
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${double.url}${path}`, { ...init, headers: { Authorization: 'token ghp_double_classic', 'Content-Type': 'application/json', ...init.headers } });
const blob = (content: string) => api(`/repos/${FORK}/git/blobs`, { method: 'POST', body: JSON.stringify({ content, encoding: 'utf-8' }) });

async function forkWithBranch(branch: string) {
  const fork = double.state.fork(double.state.mustRepo(UPSTREAM), DOUBLE_LOGIN);
  fork.branches.set(branch, fork.branches.get('master')!);
  return fork;
}

describe('fault injection', () => {
  it('drops the connection before handling: the request fails and nothing changed', async () => {
    const fork = await forkWithBranch('topic');
    double.faultNext('DELETE', '/repos/*/*/git/refs/*', { kind: 'drop-before' });
    await expect(api(`/repos/${FORK}/git/refs/heads%2Ftopic`, { method: 'DELETE' })).rejects.toThrow();
    expect(fork.branches.has('topic')).toBe(true);
    expect(double.state.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 0, fault: 'drop-before' });
    // Used up: the next one is handled.
    expect((await api(`/repos/${FORK}/git/refs/heads%2Ftopic`, { method: 'DELETE' })).status).toBe(204);
  });

  it('drops the answer after handling: the request fails but the state changed', async () => {
    const fork = await forkWithBranch('topic');
    double.faultNext('DELETE', '/repos/*/*/git/refs/*', { kind: 'drop-after' });
    await expect(api(`/repos/${FORK}/git/refs/heads%2Ftopic`, { method: 'DELETE' })).rejects.toThrow();
    expect(fork.branches.has('topic')).toBe(false);
    expect(double.state.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 204, fault: 'drop-after' });
  });

  it('hangs, before or after handling, until the client gives up', async () => {
    await forkWithBranch('topic');
    double.faultNext('POST', '/repos/*/*/git/blobs', { kind: 'hang' });
    const signal = AbortSignal.timeout(150);
    await expect(api(`/repos/${FORK}/git/blobs`, { method: 'POST', body: '{"content":"two"}', signal })).rejects.toMatchObject({ name: 'TimeoutError' });
    double.faultNext('POST', '/repos/*/*/git/blobs', { kind: 'hang-after' });
    await expect(api(`/repos/${FORK}/git/blobs`, { method: 'POST', body: '{"content":"three"}', signal: AbortSignal.timeout(150) })).rejects.toThrow();
    const faults = double.state.requests.filter((r) => r.fault).map((r) => [r.fault, r.status]);
    expect(faults.slice(-2)).toEqual([['hang', 0], ['hang-after', 201]]);
    const store = double.state.mustRepo(FORK).store;
    expect([...store.blobs.values()].map((b) => b.toString())).toContain('three');
    expect([...store.blobs.values()].map((b) => b.toString())).not.toContain('two');
  }, 10_000);

  it('answers with a status, and is set over HTTP at /_double/fault', async () => {
    await forkWithBranch('topic');
    const post = (body: unknown) => fetch(`${double.url}/_double/fault`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ method: 'POST', path: '/repos/*/*/git/blobs', kind: 'status', status: 502 })).status).toBe(200);
    expect((await blob('x')).status).toBe(502);
    expect((await post({ method: 'POST', path: '/repos/*/*/git/blobs', kind: 'drop-after' })).status).toBe(200);
    await expect(blob('y')).rejects.toThrow();
    expect([...double.state.mustRepo(FORK).store.blobs.values()].map((b) => b.toString())).toContain('y');
    expect((await post({ method: 'GET', path: '/user', kind: 'sideways' })).status).toBe(404);
  });
});

describe('GET /repos/{o}/{r}/pulls?head=', () => {
  it('filters by owner:branch (owner in any case, branch exact) and ignores a bare branch name, as GitHub does', async () => {
    const mine = double.state.addOpenPull(UPSTREAM, DOUBLE_LOGIN, 'Mine');
    const theirs = double.state.addOpenPull(UPSTREAM, 'someone', 'Theirs');
    const list = async (query: string) =>
      ((await (await api(`/repos/${UPSTREAM}/pulls?${query}`)).json()) as { number: number }[]).map((p) => p.number);
    expect(await list(`head=${DOUBLE_LOGIN.toUpperCase()}:${mine.head.ref}&state=open`)).toEqual([mine.number]);
    expect(await list(`head=someone:${theirs.head.ref}`)).toEqual([theirs.number]);
    expect(await list(`head=someone:${mine.head.ref}`)).toEqual([]);
    expect(await list(`head=${DOUBLE_LOGIN}:${mine.head.ref.toUpperCase()}`)).toEqual([]);
    expect(await list(`head=${mine.head.ref}`)).toEqual([mine.number, theirs.number]);
    mine.state = 'closed';
    expect(await list(`head=${DOUBLE_LOGIN}:${mine.head.ref}&state=open`)).toEqual([]);
    expect(await list(`head=${DOUBLE_LOGIN}:${mine.head.ref}&state=all`)).toEqual([mine.number]);
  });
});
