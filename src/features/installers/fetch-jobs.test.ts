import { describe, expect, it } from 'vitest';
import type { ManifestSet } from '../../core/model/types';
import { planHashForUrl } from './assign';
import { urlsToFetch } from './fetch-jobs';

const URL_A = 'https://github.com/o/r/releases/download/v2/a-x64.msi';
const URL_B = 'https://github.com/o/r/releases/download/v2/a-x86.msi';

function setWith(installers: Record<string, unknown>[], root: Record<string, unknown> = {}): ManifestSet {
  return {
    version: { PackageVersion: '2' }, defaultLocale: {}, locales: [],
    installer: { PackageIdentifier: 'O.R', PackageVersion: '2', ...root, Installers: installers, ManifestType: 'installer', ManifestVersion: '1.12.0' },
  } as unknown as ManifestSet;
}

describe('Fetch installers', () => {
  it('fetches each URL once, only for installers without a hash, including a URL written at the root', () => {
    const set = setWith([
      { InstallerUrl: URL_A, Scope: 'user', InstallerSha256: '' },
      { InstallerUrl: URL_A, Scope: 'machine' },
      { InstallerUrl: URL_B, InstallerSha256: 'AB'.repeat(32) },
      { InstallerUrl: '' },
      {},
    ], { InstallerUrl: 'https://example.com/root.exe' });
    expect(urlsToFetch(set)).toEqual([URL_A, 'https://example.com/root.exe']);
  });
});

describe('planHashForUrl', () => {
  it('gives the hash to every installer that downloads exactly that URL, and never adds one', () => {
    const set = setWith([{ InstallerUrl: URL_A }, { InstallerUrl: URL_B }, { InstallerUrl: ` ${URL_A} ` }, { InstallerUrl: URL_A.replace('v2', 'v1') }]);
    expect(planHashForUrl(set, URL_A, 'cd'.repeat(32))).toEqual({ assign: [0, 2], mismatch: [], create: false });
    expect(planHashForUrl(set, 'https://elsewhere.example/a-x64.msi', 'cd'.repeat(32))).toEqual({ assign: [], mismatch: [], create: false });
  });

  it('reports an installer that already holds another hash as a mismatch, not to overwrite', () => {
    const set = setWith([{ InstallerUrl: URL_A, InstallerSha256: 'AB'.repeat(32) }, { InstallerUrl: URL_A, InstallerSha256: 'CD'.repeat(32) }]);
    expect(planHashForUrl(set, URL_A, 'cd'.repeat(32))).toEqual({ assign: [1], mismatch: [0], create: false });
  });
});
