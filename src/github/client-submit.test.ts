import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubDouble, type GitHubDouble } from '../../test/github-double/server';
import { DOUBLE_LOGIN, PR_TEMPLATE, UPSTREAM, WORKFLOW } from '../../test/github-double/seed';
import { FONT_FOLDER } from '../../test/font-fixtures';
import { clientFor, expectedFiles, fontManifestInput, manifestInput } from '../../test/github-double/test-support';
import { GitHubError, type SubmissionStep } from './types';

const FORK = `${DOUBLE_LOGIN}/winget-pkgs`;
let double: GitHubDouble;

async function start(forkDelayMs = 0) {
  double = await createGitHubDouble({ seed: true, forkDelayMs });
}
beforeEach(() => start());
afterEach(() => double.close());

function recordSteps() {
  const history: SubmissionStep[][] = [];
  return { history, onStep: (steps: SubmissionStep[]) => history.push(steps), last: () => history[history.length - 1]! };
}

function forkBranches(): string[] {
  return [...(double.state.repo(FORK)?.branches.keys() ?? [])];
}

describe('submit', () => {
  it('opens the pull request from a new fork with exactly the manifest files', async () => {
    const { client, requests } = clientFor(double, 'ghp_double_classic');
    const input = manifestInput('Google.Chrome', '125.0.6422.60', ['en-US', 'nb-NO']);
    const steps = recordSteps();
    const result = await client.submit(input, steps.onStep);
    expect(result.kind).toBe('pull-request');
    if (result.kind !== 'pull-request') return;
    expect(result.title).toBe('New version: Google.Chrome version 125.0.6422.60');
    expect(result.url).toBe(`${double.url}/microsoft/winget-pkgs/pull/${result.number}`);
    expect(result.branch).toMatch(/^Google\.Chrome-125\.0\.6422\.60-[a-z0-9]{6}$/);
    const pull = double.state.pulls.find((p) => p.number === result.number)!;
    expect(pull.title).toBe(result.title);
    expect(pull.body).toBe(`${PR_TEMPLATE.trimEnd()}\n\n---\nCreated with Wingsmith.`);
    expect(pull.maintainerCanModify).toBe(true);
    expect(`${pull.head.repo.owner}/${pull.head.repo.name}:${pull.head.ref}`).toBe(`${FORK}:${result.branch}`);
    expect(double.state.pullFiles(result.number)).toEqual(expectedFiles(input));
    expect(double.state.branchFiles(FORK, result.branch, 'manifests/g/Google/Chrome/125.0.6422.60/')).toEqual(expectedFiles(input));
    expect(steps.last().map((s) => [s.id, s.status])).toEqual([
      ['checks', 'done'], ['upstream', 'done'], ['fork', 'done'], ['blobs', 'done'],
      ['tree', 'done'], ['commit', 'done'], ['branch', 'done'], ['pull-request', 'done'],
    ]);
    expect(steps.last().find((s) => s.id === 'fork')?.detail).toBe(`${FORK} (created)`);
    // The objects were created through the fork's endpoints only; upstream got just reads and the PR.
    const writes = requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(writes).toEqual([
      'POST /repos/microsoft/winget-pkgs/forks',
      ...input.files.map(() => `POST /repos/${FORK}/git/blobs`),
      `POST /repos/${FORK}/git/trees`,
      `POST /repos/${FORK}/git/commits`,
      `POST /repos/${FORK}/git/refs`,
      'POST /repos/microsoft/winget-pkgs/pulls',
    ]);
  });

  it('updates an existing version: replaced files changed, files no longer in the set removed', async () => {
    const { client } = clientFor(double, 'ghp_double_classic');
    const input = manifestInput('Google.Chrome', '99.0');
    const result = await client.submit(input, () => {});
    expect(result.title).toBe('Update version: Google.Chrome version 99.0');
    if (result.kind !== 'pull-request') throw new Error('expected a pull request');
    expect(double.state.pullFiles(result.number)).toEqual({
      ...expectedFiles(input),
      'manifests/g/Google/Chrome/99.0/Google.Chrome.locale.nb-NO.yaml': null,
    });
    expect(Object.keys(double.state.branchFiles(FORK, result.branch, 'manifests/g/Google/Chrome/99.0/')).sort()).toEqual(
      input.files.map((f) => f.path).sort(),
    );
  });

  it('puts a font package under fonts/, and updates it there once published', async () => {
    const { client } = clientFor(double, 'ghp_double_classic');
    const input = fontManifestInput();
    const result = await client.submit(input, () => {});
    if (result.kind !== 'pull-request') throw new Error('expected a pull request');
    expect(result.title).toBe('New package: JetBrains.JetBrainsMono version 2.304');
    expect(double.state.pullFiles(result.number)).toEqual(expectedFiles(input));
    expect(Object.keys(double.state.pullFiles(result.number)).every((p) => p.startsWith(FONT_FOLDER))).toBe(true);
    expect(double.state.branchFiles(FORK, result.branch, FONT_FOLDER)).toEqual(expectedFiles(input));
    expect(double.state.branchFiles(FORK, result.branch, 'manifests/j/JetBrains/')).toEqual({});

    const stale = `${FONT_FOLDER}JetBrains.JetBrainsMono.locale.de-DE.yaml`;
    double.state.commitFiles(UPSTREAM, 'master', { ...expectedFiles(input), [stale]: 'PackageLocale: de-DE\n' });
    const [version, installer, locale] = input.files;
    const rehashed = { path: installer!.path, text: installer!.text.replace(/A{64}/, 'B'.repeat(64)) };
    const update = await client.submit({ ...input, files: [version!, rehashed, locale!] }, () => {});
    if (update.kind !== 'pull-request') throw new Error('expected a pull request');
    expect(update.title).toBe('Update version: JetBrains.JetBrainsMono version 2.304');
    expect(double.state.pullFiles(update.number)).toEqual({ [rehashed.path]: rehashed.text, [stale]: null });
  });

  it('opens a new package with the existing fork and waits for a fork that is still being created', async () => {
    await double.close();
    await start(300);
    const { client } = clientFor(double, 'ghp_double_classic', { forkPollMs: 50 });
    const input = manifestInput('Example.NewThing', '1.0.0');
    const result = await client.submit(input, () => {});
    expect(result.title).toBe('New package: Example.NewThing version 1.0.0');
    const forkPolls = double.state.requests.filter((r) => r.method === 'GET' && r.path === `/repos/${FORK}`);
    expect(forkPolls.some((r) => r.status === 404)).toBe(true);
    expect(forkPolls[forkPolls.length - 1]?.status).toBe(200);
    if (result.kind !== 'pull-request') throw new Error('expected a pull request');
    expect(double.state.pullFiles(result.number)).toEqual(expectedFiles(input));
    // A second submission reuses the fork.
    const again = await client.submit(manifestInput('Example.NewThing', '1.0.1'), () => {});
    expect(again.kind).toBe('pull-request');
    expect(double.state.requests.filter((r) => r.path.endsWith('/forks'))).toHaveLength(1);
  });

  it('gives up on a fork that never answers, with a message to try later', async () => {
    await double.close();
    await start(60_000);
    const { client } = clientFor(double, 'ghp_double_classic', { forkPollMs: 20, forkTimeoutMs: 200 });
    const error = (await client.submit(manifestInput('Google.Chrome', '125.0'), () => {}).catch((e: unknown) => e)) as GitHubError;
    expect(error.userMessage).toMatch(/has not finished creating your fork/);
  });

  it('builds on the fork head when the upstream head has workflow changes the token may not push', async () => {
    double.state.fork(double.state.mustRepo(UPSTREAM), DOUBLE_LOGIN);
    const forkHead = double.state.mustRepo(FORK).branches.get('master')!;
    double.state.commitFiles(UPSTREAM, 'master', { '.github/workflows/validate.yml': `${WORKFLOW}# changed\n` });
    const { client } = clientFor(double, 'ghp_double_classic');
    const input = manifestInput('Google.Chrome', '125.0');
    const steps = recordSteps();
    const result = await client.submit(input, steps.onStep);
    if (result.kind !== 'pull-request') throw new Error('expected a pull request');
    const pull = double.state.pulls.find((p) => p.number === result.number)!;
    expect(double.state.mustRepo(FORK).store.commits.get(pull.head.sha)?.parents).toEqual([forkHead]);
    expect(double.state.pullFiles(result.number)).toEqual(expectedFiles(input));
    expect(steps.history.some((s) => s.find((x) => x.id === 'branch')?.status === 'skipped')).toBe(true);
    expect(steps.last().every((s) => s.status === 'done')).toBe(true);
  });

  describe('updating a version on the fork head (no workflow scope, fork behind)', () => {
    const folder = 'manifests/g/Google/Chrome/99.0/';
    /** Forks now, then moves upstream on with a workflow change (and `files`), so the fork is behind. */
    function forkBehind(files: Record<string, string | null> = {}) {
      double.state.fork(double.state.mustRepo(UPSTREAM), DOUBLE_LOGIN);
      double.state.commitFiles(UPSTREAM, 'master', { '.github/workflows/validate.yml': `${WORKFLOW}# changed\n`, ...files });
    }
    async function submitOnForkHead(input: ReturnType<typeof manifestInput>) {
      const steps = recordSteps();
      const result = await clientFor(double, 'ghp_double_classic').client.submit(input, steps.onStep);
      if (result.kind !== 'pull-request') throw new Error('expected a pull request');
      expect(steps.history.some((s) => s.find((x) => x.id === 'branch')?.status === 'skipped')).toBe(true);
      return result;
    }

    it('removes the files the new set no longer has', async () => {
      forkBehind();
      const input = manifestInput('Google.Chrome', '99.0');
      const result = await submitOnForkHead(input);
      expect(double.state.branchFiles(FORK, result.branch, folder)).toEqual(expectedFiles(input));
      expect(double.state.pullFiles(result.number)).toEqual({ ...expectedFiles(input), [`${folder}Google.Chrome.locale.nb-NO.yaml`]: null });
    });

    it("takes what to remove from the fork's copy, never deleting a file only upstream has", async () => {
      forkBehind({ [`${folder}Google.Chrome.locale.de-DE.yaml`]: 'PackageLocale: de-DE\n' });
      const input = manifestInput('Google.Chrome', '99.0');
      const result = await submitOnForkHead(input);
      expect(double.state.branchFiles(FORK, result.branch, folder)).toEqual(expectedFiles(input));
      expect(double.state.pullFiles(result.number)).toEqual({ ...expectedFiles(input), [`${folder}Google.Chrome.locale.nb-NO.yaml`]: null });
    });

    it('removes nothing when the fork does not have the version yet', async () => {
      const newer = manifestInput('Google.Chrome', '99.1', ['en-US', 'nb-NO']);
      forkBehind(expectedFiles(newer));
      const input = manifestInput('Google.Chrome', '99.1');
      const result = await submitOnForkHead(input);
      expect(result.title).toBe('Update version: Google.Chrome version 99.1');
      expect(double.state.branchFiles(FORK, result.branch, 'manifests/g/Google/Chrome/99.1/')).toEqual(expectedFiles(input));
      expect(double.state.pullFiles(result.number)).toEqual(expectedFiles(input));
    });
  });

  it('builds on the upstream head when the token has the workflow scope', async () => {
    double.state.fork(double.state.mustRepo(UPSTREAM), DOUBLE_LOGIN);
    const upstreamHead = double.state.commitFiles(UPSTREAM, 'master', { '.github/workflows/validate.yml': 'changed\n' });
    const result = await clientFor(double, 'ghp_double_workflow').client.submit(manifestInput('Google.Chrome', '125.0'), () => {});
    if (result.kind !== 'pull-request') throw new Error('expected a pull request');
    const pull = double.state.pulls.find((p) => p.number === result.number)!;
    expect(double.state.mustRepo(FORK).store.commits.get(pull.head.sha)?.parents).toEqual([upstreamHead]);
  });

  it('pushes the branch and hands back the compare page when a fine-grained token may not open the PR', async () => {
    const { client } = clientFor(double, 'github_pat_double_fine');
    const input = manifestInput('Google.Chrome', '125.0');
    const steps = recordSteps();
    const result = await client.submit(input, steps.onStep);
    expect(result.kind).toBe('compare');
    if (result.kind !== 'compare') return;
    const url = new URL(result.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${double.url}/microsoft/winget-pkgs/compare/master...${DOUBLE_LOGIN}:${result.branch}`);
    expect(url.searchParams.get('expand')).toBe('1');
    expect(url.searchParams.get('title')).toBe('New version: Google.Chrome version 125.0');
    expect(url.searchParams.get('body')).toContain('Created with Wingsmith');
    expect(result.reason).toMatch(/fine-grained/);
    expect(double.state.pulls).toHaveLength(0);
    expect(double.state.branchFiles(FORK, result.branch, 'manifests/g/Google/Chrome/125.0/')).toEqual(expectedFiles(input));
    expect(steps.last().find((s) => s.id === 'pull-request')?.status).toBe('skipped');
    const page = await fetch(result.url);
    expect(await page.text()).toContain('New version: Google.Chrome version 125.0');
  });

  it('removes the branch after a 5xx on the pull request, and a retry then succeeds', async () => {
    const { client } = clientFor(double, 'ghp_double_classic');
    const input = manifestInput('Google.Chrome', '125.0');
    double.failNext('POST', '/repos/*/*/pulls', 502);
    const steps = recordSteps();
    const error = (await client.submit(input, steps.onStep).catch((e: unknown) => e)) as GitHubError;
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ kind: 'server', status: 502 });
    expect(error.userMessage).toMatch(/removed/);
    expect(steps.last().find((s) => s.id === 'pull-request')?.status).toBe('failed');
    expect(steps.last().find((s) => s.id === 'cleanup')?.status).toBe('done');
    expect(forkBranches()).toEqual(['master']);
    expect(double.state.pulls).toHaveLength(0);

    const retry = await client.submit(input, () => {});
    if (retry.kind !== 'pull-request') throw new Error('expected a pull request');
    expect(double.state.pulls.map((p) => p.title)).toEqual(['New version: Google.Chrome version 125.0']);
    expect(double.state.pullFiles(retry.number)).toEqual(expectedFiles(input));
    expect(forkBranches()).toEqual(['master', retry.branch]);
  });

  it('leaves nothing to clean when a step fails before the branch exists', async () => {
    const { client } = clientFor(double, 'ghp_double_classic');
    double.failNext('POST', '/repos/*/*/git/trees', 500);
    const steps = recordSteps();
    await expect(client.submit(manifestInput('Google.Chrome', '125.0'), steps.onStep)).rejects.toMatchObject({ kind: 'server' });
    expect(steps.last().map((s) => [s.id, s.status])).toEqual([
      ['checks', 'done'], ['upstream', 'done'], ['fork', 'done'], ['blobs', 'done'],
      ['tree', 'failed'], ['commit', 'skipped'], ['branch', 'skipped'], ['pull-request', 'skipped'],
    ]);
    expect(forkBranches()).toEqual(['master']);
  });

  it('refuses files outside the version folder and identifiers spelled unlike the repository', async () => {
    const { client } = clientFor(double, 'ghp_double_classic');
    const input = manifestInput('Google.Chrome', '125.0');
    const moved = { ...input, files: input.files.map((f) => ({ ...f, path: f.path.replace('125.0', '125.1') })) };
    await expect(client.submit(moved, () => {})).rejects.toMatchObject({ kind: 'validation' });
    const recased = manifestInput('google.chrome', '125.0');
    const error = (await client.submit(recased, () => {}).catch((e: unknown) => e)) as GitHubError;
    expect(error.userMessage).toMatch(/spells this package Google\.Chrome/);
    expect(double.state.repo(FORK)).toBeUndefined();
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { client } = clientFor(double, 'ghp_double_classic');
    await expect(client.submit(manifestInput('Google.Chrome', '125.0'), () => {}, controller.signal)).rejects.toMatchObject({ kind: 'network' });
    expect(double.state.repo(FORK)).toBeUndefined();
  });
});

describe('the token', () => {
  it('goes only to the API base, only in the Authorization header, never into a URL or a message', async () => {
    const token = 'ghp_double_classic';
    const { client, requests } = clientFor(double, token);
    await client.submit(manifestInput('Google.Chrome', '125.0'), () => {});
    expect(requests.length).toBeGreaterThan(10);
    for (const r of requests) {
      expect(r.url.startsWith(`${double.url}/`)).toBe(true);
      expect(r.url).not.toContain(token);
      expect(r.headers.authorization).toBe(`token ${token}`);
      const others = Object.entries(r.headers).filter(([name]) => name !== 'authorization');
      expect(JSON.stringify(others)).not.toContain(token);
    }
  });

  it('is refused to any other host, even when asked', async () => {
    const { createTransport } = await import('./transport');
    const seen: string[] = [];
    const t = createTransport({ apiBaseUrl: double.url, repository: UPSTREAM, token: 'ghp_double_classic' }, (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    });
    const error = (await t.call('a foreign page', (o) => o.request('GET https://elsewhere.example/steal')).catch((e: unknown) => e)) as GitHubError;
    expect(error).toMatchObject({ kind: 'network' });
    expect(error.userMessage).toMatch(/Refused to send the GitHub token to https:\/\/elsewhere\.example/);
    // A prefix trick (same characters, another host) is refused too.
    await expect(t.call('x', (o) => o.request(`GET ${double.url}.elsewhere.example/x`))).rejects.toMatchObject({ kind: 'network' });
    expect(seen).toEqual([]);
  });

  it('is scrubbed from GitHub messages that echo it', async () => {
    const token = 'ghp_double_classic';
    const echo: typeof fetch = async () =>
      new Response(JSON.stringify({ message: `bad value ${token}` }), { status: 422, headers: { 'content-type': 'application/json' } });
    const { client } = clientFor(double, token, { fetch: echo });
    const error = (await client.getTokenInfo().catch((e: unknown) => e)) as GitHubError;
    expect(error.kind).toBe('validation');
    expect(`${error.userMessage} ${error.message}`).not.toContain(token);
  });
});
