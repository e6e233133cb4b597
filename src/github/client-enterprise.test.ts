import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubDouble, type GitHubDouble } from '../../test/github-double/server';
import { DOUBLE_LOGIN, PR_TEMPLATE } from '../../test/github-double/seed';
import { clientFor, expectedFiles, manifestInput, type RecordedRequest } from '../../test/github-double/test-support';
import { htmlBaseUrl } from './settings';

// GitHub Enterprise Server answers its API under https://HOST/api/v3 and its pages at https://HOST/.
const FORK = `${DOUBLE_LOGIN}/winget-pkgs`;
let double: GitHubDouble;
beforeEach(async () => {
  double = await createGitHubDouble({ seed: true, pathPrefix: '/api/v3' });
});
afterEach(() => double.close());

/** Every request kept the prefix and carried the token, and the double saw exactly these, none outside the API. */
function expectAllUnderPrefix(requests: RecordedRequest[], token: string): void {
  expect(requests.length).toBeGreaterThan(10);
  for (const r of requests) {
    expect(r.url.startsWith(`${double.url}/`)).toBe(true);
    expect(r.headers.authorization).toBe(`token ${token}`);
  }
  expect(double.state.requests.filter((r) => r.outsidePrefix)).toEqual([]);
  expect(double.state.requests).toHaveLength(requests.length);
}

describe('a GitHub Enterprise API base with a path prefix', () => {
  it('runs a whole update, from reading the package to the pull request, under the prefix', async () => {
    expect(double.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    const token = 'ghp_double_classic';
    const { client, requests } = clientFor(double, token);
    expect(await client.getTokenInfo()).toMatchObject({ login: DOUBLE_LOGIN, kind: 'classic' });
    const pkg = (await client.findPackage('google.chrome'))!;
    expect(pkg.identifier).toBe('Google.Chrome');
    expect((await client.loadVersion(pkg, '99.0')).map((f) => f.name)).toContain('Google.Chrome.locale.nb-NO.yaml');
    const input = manifestInput('Google.Chrome', '99.0');
    expect(await client.preflight(input)).toMatchObject({ kind: 'update-version', openPullRequests: [] });

    const result = await client.submit(input, () => {});
    if (result.kind !== 'pull-request') throw new Error('expected a pull request');
    // Pages are linked at the host's root, where GitHub Enterprise serves them, not under /api/v3.
    expect(result.url).toBe(`${double.webUrl}/microsoft/winget-pkgs/pull/${result.number}`);
    expect(htmlBaseUrl(double.url)).toBe(double.webUrl);
    const pull = double.state.pulls.find((p) => p.number === result.number)!;
    expect(pull.body).toBe(`${PR_TEMPLATE.trimEnd()}\n\n---\nCreated with Wingsmith.`);
    expect(double.state.pullFiles(result.number)).toEqual({
      ...expectedFiles(input),
      'manifests/g/Google/Chrome/99.0/Google.Chrome.locale.nb-NO.yaml': null,
    });
    expect(double.state.branchFiles(FORK, result.branch, 'manifests/g/Google/Chrome/99.0/')).toEqual(expectedFiles(input));
    expectAllUnderPrefix(requests, token);
  });

  it('hands a fine-grained token the compare page at the host root, and the page answers there', async () => {
    const token = 'github_pat_double_fine';
    const { client, requests } = clientFor(double, token);
    const input = manifestInput('Example.NewThing', '1.0');
    const result = await client.submit(input, () => {});
    if (result.kind !== 'compare') throw new Error('expected the compare page');
    const url = new URL(result.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${double.webUrl}/microsoft/winget-pkgs/compare/master...${DOUBLE_LOGIN}:${result.branch}`);
    expect(double.state.branchFiles(FORK, result.branch, 'manifests/e/Example/NewThing/1.0/')).toEqual(expectedFiles(input));
    expectAllUnderPrefix(requests, token);
    // The user's browser opens the page without the token.
    const page = await fetch(result.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('New package: Example.NewThing version 1.0');
  });
});
