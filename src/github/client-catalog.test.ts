import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubDouble, type GitHubDouble } from '../../test/github-double/server';
import { UPSTREAM } from '../../test/github-double/seed';
import { clientFor, expectedFiles, fontManifestInput, installerBody, manifestInput, withInstallerBody } from '../../test/github-double/test-support';
import { ARP_OVERLAP_LABEL, type SubmissionInput } from './types';

let double: GitHubDouble;
const ID = 'Contoso.Arp';

/** Contoso.Arp with msi installers: 1.0 writes 1.0.0 and 1.0.5, 1.9 writes 1.9, 2.0 writes nothing. */
beforeEach(async () => {
  double = await createGitHubDouble({ seed: true });
  double.state.commitFiles(UPSTREAM, 'master', {
    ...expectedFiles(arp('1.0', ['1.0.0', '1.0.5'])),
    ...expectedFiles(arp('1.9', ['1.9'])),
    ...expectedFiles(arp('2.0', [])),
  });
});
afterEach(() => double.close());

function arp(version: string, displayVersions: string[], type = 'msi'): SubmissionInput {
  return withInstallerBody(manifestInput(ID, version), installerBody(type, displayVersions));
}

function dependingOn(dependencies: { id: string; min?: string }[]): SubmissionInput {
  const list = dependencies.map((d) => `  - PackageIdentifier: ${d.id}\n${d.min ? `    MinimumVersion: ${d.min}\n` : ''}`).join('');
  return withInstallerBody(manifestInput('Contoso.Dependent', '1.0'), installerBody('exe', [], `Dependencies:\n  PackageDependencies:\n${list}`));
}

const preflight = (input: SubmissionInput) => clientFor(double, 'ghp_double_classic').client.preflight(input);

describe('Apps and Features version ranges', () => {
  it('names the other version, both ranges and the label when the ranges overlap', async () => {
    const result = await preflight(arp('1.1', ['1.0.5', '1.1']));
    expect(result.arpVersionOverlaps).toEqual([
      {
        version: '1.0',
        range: { min: '1.0.0', max: '1.0.5' },
        ownRange: { min: '1.0.5', max: '1.1' },
        label: ARP_OVERLAP_LABEL,
        message: `The Apps and Features DisplayVersions of this version (1.0.5 to 1.1) overlap those of version 1.0 (1.0.0 to 1.0.5) in the repository, so winget could not tell which of the two is installed. winget-pkgs labels such pull requests Manifest-AppsAndFeaturesVersion-Error: give each AppsAndFeaturesEntries DisplayVersion the value this installer writes to Apps and Features.`,
      },
    ]);
  });

  it('lists every version a wide range covers, newest first', async () => {
    const result = await preflight(arp('3.0', ['1.0', '3.0']));
    expect(result.arpVersionOverlaps.map((o) => o.version)).toEqual(['1.9', '1.0']);
  });

  it('finds no overlap between neighbouring ranges, ordering 1.10 after 1.9', async () => {
    expect((await preflight(arp('1.10', ['1.10']))).arpVersionOverlaps).toEqual([]);
    expect((await preflight(arp('1.1', ['1.0.6', '1.8']))).arpVersionOverlaps).toEqual([]);
  });

  it('does not hold an updated version against its own range in the repository', async () => {
    expect((await preflight(arp('1.0', ['1.0.0', '1.0.5']))).arpVersionOverlaps).toEqual([]);
  });

  it('checks nothing for a package without AppsAndFeaturesEntries, or with types that have no range', async () => {
    expect((await preflight(arp('1.1', []))).arpVersionOverlaps).toEqual([]);
    expect((await preflight(arp('1.1', ['1.0.5'], 'portable'))).arpVersionOverlaps).toEqual([]);
    // The seeded Google.Chrome versions have no entries, so nothing can overlap them.
    const chrome = withInstallerBody(manifestInput('Google.Chrome', '125.0'), installerBody('exe', ['124.0.6367.119']));
    expect((await preflight(chrome)).arpVersionOverlaps).toEqual([]);
  });

  it('does not read the other versions again when the check runs a second time', async () => {
    const { client, requests } = clientFor(double, 'ghp_double_classic');
    await client.preflight(arp('1.1', ['1.1']));
    const blobReads = () => requests.filter((r) => new URL(r.url).pathname.includes('/git/blobs/')).length;
    expect(blobReads()).toBe(3);
    await client.preflight(arp('1.1', ['1.1']));
    expect(blobReads()).toBe(3);
  });
});

describe('package dependencies', () => {
  it('names a dependency the repository does not have', async () => {
    const result = await preflight(dependingOn([{ id: 'Nobody.Lib' }]));
    expect(result.dependencyProblems).toEqual([
      {
        kind: 'missing',
        identifier: 'Nobody.Lib',
        message: 'The dependency Nobody.Lib is not in the repository (neither manifests/ nor fonts/ has it), so winget could not install it with this package. Check its PackageIdentifier, or submit that package first.',
      },
    ]);
  });

  it('accepts a dependency the repository has, matched without case, under manifests/ or fonts/', async () => {
    double.state.commitFiles(UPSTREAM, 'master', expectedFiles(fontManifestInput()));
    const result = await preflight(dependingOn([{ id: 'google.chrome' }, { id: 'Contoso.Arp', min: '2.0' }, { id: 'JetBrains.JetBrainsMono' }]));
    expect(result.dependencyProblems).toEqual([]);
  });

  it('names the newest version when MinimumVersion is above it', async () => {
    const result = await preflight(dependingOn([{ id: 'Google.Chrome', min: '124.0.6367.60' }, { id: 'Contoso.Arp', min: '2.0.1' }]));
    expect(result.dependencyProblems).toEqual([
      {
        kind: 'minimum-version',
        identifier: 'Contoso.Arp',
        minimumVersion: '2.0.1',
        newestVersion: '2.0',
        message: 'The dependency Contoso.Arp asks for MinimumVersion 2.0.1, but the newest version in the repository is 2.0. Lower MinimumVersion, or submit Contoso.Arp 2.0.1 first.',
      },
    ]);
  });

  it('reports nothing for a manifest without dependencies', async () => {
    expect((await preflight(manifestInput('Contoso.Dependent', '1.0'))).dependencyProblems).toEqual([]);
  });
});
