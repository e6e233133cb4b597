import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubDouble, type GitHubDouble } from '../../test/github-double/server';
import { DOUBLE_LOGIN, UPSTREAM } from '../../test/github-double/seed';
import { clientFor, expectedFiles, fontManifestInput, manifestInput } from '../../test/github-double/test-support';
import type { GitHubError } from './types';

const FORK = `${DOUBLE_LOGIN}/winget-pkgs`;
let double: GitHubDouble;

beforeEach(async () => {
  double = await createGitHubDouble({ seed: true });
  // A publisher with a package of its own and a group folder holding another.
  double.state.commitFiles(UPSTREAM, 'master', {
    ...expectedFiles(manifestInput('Contoso.Tool', '1.0')),
    ...expectedFiles(manifestInput('Contoso.Tools.Studio', '2.0')),
  });
});
afterEach(() => double.close());

const classic = () => clientFor(double, 'ghp_double_classic');

async function refusal(identifier: string, version = '1.0'): Promise<string> {
  const { client, requests } = classic();
  const error = (await client.submit(manifestInput(identifier, version), () => {}).catch((e: unknown) => e)) as GitHubError;
  expect(error.kind).toBe('validation');
  // Refused before anything was written: no fork, no blob, no branch.
  expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  expect(double.state.repo(FORK)).toBeUndefined();
  return error.userMessage;
}

describe('a new package under folders the repository spells differently', () => {
  it('names the publisher as the repository spells it and the identifier to use', async () => {
    const message =
      "The repository spells this publisher Contoso (manifests/c/Contoso/). Change PackageIdentifier to Contoso.NewTool so the files sit with the publisher's other packages.";
    expect(await refusal('contoso.NewTool')).toBe(message);
    expect(await refusal('CONTOSO.NewTool')).toBe(message);
    expect(await refusal('microsoft.NewThing')).toBe(
      "The repository spells this publisher Microsoft (manifests/m/Microsoft/). Change PackageIdentifier to Microsoft.NewThing so the files sit with the publisher's other packages.",
    );
  });

  it('checks the group folders below the publisher too', async () => {
    const message =
      'The repository spells this folder Contoso/Tools (manifests/c/Contoso/Tools/). Change PackageIdentifier to Contoso.Tools.Other so the files sit with the other packages in that folder.';
    expect(await refusal('Contoso.tools.Other')).toBe(message);
    expect(await refusal('contoso.TOOLS.Other')).toBe(message);
    expect(await refusal('Google.chrome.Beta')).toBe(
      'The repository spells this folder Google/Chrome (manifests/g/Google/Chrome/). Change PackageIdentifier to Google.Chrome.Beta so the files sit with the other packages in that folder.',
    );
  });

  it('walks no further than before to find out', async () => {
    const { client, requests } = classic();
    await client.submit(manifestInput('contoso.NewTool', '1.0'), () => {}).catch(() => undefined);
    // The root, manifests/, c/ and Contoso/: one listing per level, stopping where NewTool is missing.
    expect(requests.filter((r) => new URL(r.url).pathname.includes('/git/trees/'))).toHaveLength(4);
  });

  it('lets the same package through with the repository spelling, beside the existing folders', async () => {
    const { client } = classic();
    for (const identifier of ['Contoso.NewTool', 'Contoso.Tools.Other']) {
      const input = manifestInput(identifier, '1.0');
      const result = await client.submit(input, () => {});
      if (result.kind !== 'pull-request') throw new Error('expected a pull request');
      expect(result.title).toBe(`New package: ${identifier} version 1.0`);
      expect(double.state.pullFiles(result.number)).toEqual(expectedFiles(input));
      const onBranch = Object.keys(double.state.branchFiles(FORK, result.branch, 'manifests/c/'));
      expect(onBranch.filter((path) => path.toLowerCase().startsWith('manifests/c/contoso/') && !path.startsWith('manifests/c/Contoso/'))).toEqual([]);
    }
  });
});

describe('other spellings the repository already has', () => {
  it('refuses an existing package spelled differently, as before', async () => {
    expect(await refusal('contoso.tool', '1.1')).toBe(
      'The repository spells this package Contoso.Tool. Change PackageIdentifier to match, so the files land in the existing folder.',
    );
  });

  it('refuses a version folder that differs only in case', async () => {
    expect(await refusal('WinSCP.WinSCP', '5.18.5.rc')).toBe(
      'The repository spells this version 5.18.5.RC (manifests/w/WinSCP/WinSCP/5.18.5.RC/). Change PackageVersion to 5.18.5.RC so the files replace that version instead of sitting beside it in a folder that differs only in case.',
    );
  });
});

describe('preflight', () => {
  it('reports the same problem before anything is submitted', async () => {
    const { client } = classic();
    const result = await client.preflight(manifestInput('contoso.NewTool', '1.0'));
    expect(result).toMatchObject({ kind: 'new-package', title: 'New package: contoso.NewTool version 1.0' });
    expect(result.spellingProblem).toMatch(/^The repository spells this publisher Contoso \(manifests\/c\/Contoso\/\)\. Change PackageIdentifier to Contoso\.NewTool /);
    expect((await client.preflight(manifestInput('google.chrome', '125.0'))).spellingProblem).toMatch(/spells this package Google\.Chrome\./);
    expect((await client.preflight(manifestInput('Contoso.NewTool', '1.0'))).spellingProblem).toBeUndefined();
    expect((await client.preflight(manifestInput('Google.Chrome', '99.0'))).spellingProblem).toBeUndefined();
  });
});

describe('font packages', () => {
  it('are checked against the folders under fonts/, not manifests/', async () => {
    double.state.commitFiles(UPSTREAM, 'master', expectedFiles(fontManifestInput()));
    const { client } = classic();
    const newFont = { identifier: 'jetbrains.NewFont', version: '1.0', root: 'fonts' as const, files: [] };
    expect((await client.preflight(newFont)).spellingProblem).toBe(
      "The repository spells this publisher JetBrains (fonts/j/JetBrains/). Change PackageIdentifier to JetBrains.NewFont so the files sit with the publisher's other packages.",
    );
    expect((await client.preflight({ ...fontManifestInput(), identifier: 'jetbrains.jetbrainsmono' })).repositoryIdentifier).toBe('JetBrains.JetBrainsMono');
    // The publisher folder under fonts/ says nothing about how manifests/ spells it.
    expect((await client.preflight(manifestInput('jetbrains.NewTool', '1.0'))).spellingProblem).toBeUndefined();
  });
});
