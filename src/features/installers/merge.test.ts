import { describe, expect, it } from 'vitest';
import type { ManifestSet } from '../../core/model/types';
import type { InstallerAnalysis, Suggestion } from '../../installers/analyse';
import { addInstaller, clearHash, installersForFile, installersOf, planHash, setHashes, urlFileName } from './assign';
import { openBlankArchitecture, placeAnalysis } from './plan-analysis';
import { addSample, progressText, rateOf, secondsLeft } from './progress';
import { applySuggestion, mergeSuggestions } from './suggestions';

const HASH = 'ab'.repeat(32);

function makeSet(installers: Record<string, unknown>[], root: Record<string, unknown> = {}): ManifestSet {
  const id = { PackageIdentifier: 'A.B', PackageVersion: '1.0' };
  return {
    version: { ...id, DefaultLocale: 'en-US', ManifestType: 'version', ManifestVersion: '1.12.0' },
    installer: { ...id, ...root, Installers: installers, ManifestType: 'installer', ManifestVersion: '1.12.0' },
    defaultLocale: { ...id, PackageLocale: 'en-US', Publisher: '', PackageName: 'Typed', ManifestType: 'defaultLocale', ManifestVersion: '1.12.0' },
    locales: [],
  } as unknown as ManifestSet;
}

const sug = (field: string, value: unknown, extra: Partial<Suggestion> = {}): Suggestion => ({ field, value, target: 'installer', source: 'from the test', certain: true, ...extra });

describe('assignment by URL file name', () => {
  it('takes the last path segment, decoded, without query or fragment', () => {
    expect(urlFileName('https://x.org/dl/My%20App%20Setup.exe?token=1#f')).toBe('My App Setup.exe');
    expect(urlFileName('https://x.org/')).toBeUndefined();
    expect(urlFileName('')).toBeUndefined();
    expect(urlFileName('not a url/app.msi?x')).toBe('app.msi');
  });

  it('matches exactly first, then ignoring case, and every installer naming the file', () => {
    const set = makeSet([
      { InstallerUrl: 'https://x/a/Setup.exe', Scope: 'user' },
      { InstallerUrl: 'https://x/b/other.msi' },
      { InstallerUrl: 'https://x/c/Setup.exe', Scope: 'machine' },
      { InstallerUrl: 'https://x/c/setup.EXE' },
    ]);
    expect(installersForFile(set, 'Setup.exe')).toEqual([0, 2]);
    expect(installersForFile(set, 'SETUP.exe')).toEqual([0, 2, 3]);
    expect(installersForFile(set, 'none.zip')).toEqual([]);
  });

  it('plans: empty or equal hashes take the file, a different hash is a mismatch, no match creates', () => {
    const set = makeSet([
      { InstallerUrl: 'https://x/a.exe', InstallerSha256: '' },
      { InstallerUrl: 'https://x/a.exe', InstallerSha256: HASH.toLowerCase() },
      { InstallerUrl: 'https://x/a.exe', InstallerSha256: 'CD'.repeat(32) },
    ]);
    expect(planHash(set, 'a.exe', HASH)).toEqual({ assign: [0, 1], mismatch: [2], create: false });
    expect(planHash(set, 'b.exe', HASH)).toEqual({ assign: [], mismatch: [], create: true });
  });

  it('fills the blank installer a new manifest starts with before adding one', () => {
    const fresh = makeSet([{ Architecture: 'x64', InstallerUrl: '', InstallerSha256: '' }]);
    expect(planHash(fresh, 'setup.exe', HASH)).toEqual({ assign: [0], mismatch: [], create: false, blank: 0 });
    // A URL (its own or the root's) or a hash means the installer is taken: a named file still wins over a blank one.
    const some = makeSet([{ InstallerUrl: 'https://x/a.exe' }, { InstallerSha256: 'CD'.repeat(32) }, { InstallerUrl: '' }]);
    expect(planHash(some, 'b.exe', HASH)).toEqual({ assign: [2], mismatch: [], create: false, blank: 2 });
    expect(planHash(some, 'a.exe', HASH)).toEqual({ assign: [0], mismatch: [], create: false });
    expect(planHash(makeSet([{ Architecture: 'x64' }], { InstallerUrl: 'https://x/all.exe' }), 'b.exe', HASH).create).toBe(true);
  });

  it('lets a filled blank installer take the architecture the file has, not the new manifest default', () => {
    const analysis = (arch?: string): InstallerAnalysis => ({ suggestions: arch ? [sug('Architecture', arch)] : [] }) as unknown as InstallerAnalysis;
    const fresh = makeSet([{ Architecture: 'x64', InstallerSha256: HASH }]);
    const opened = openBlankArchitecture(fresh, 0, 'x64', analysis('x86'));
    expect(installersOf(opened)[0]).toEqual({ InstallerSha256: HASH });
    expect(mergeSuggestions(opened, [{ suggestion: sug('Architecture', 'x86'), installer: 0 }]).set).toEqual(makeSet([{ InstallerSha256: HASH, Architecture: 'x86' }]));
    // Nothing found, or the user changed it meanwhile: the value stays.
    expect(openBlankArchitecture(fresh, 0, 'x64', analysis())).toBe(fresh);
    expect(openBlankArchitecture(fresh, 0, 'arm64', analysis('x86'))).toBe(fresh);
  });

  it('writes upper-case hashes, adds and clears without touching the input', () => {
    const set = makeSet([{ InstallerUrl: 'u' }]);
    const hashed = setHashes(set, [0], HASH);
    expect(installersOf(hashed)[0]!.InstallerSha256).toBe(HASH.toUpperCase());
    expect(installersOf(set)[0]!.InstallerSha256).toBeUndefined();
    const added = addInstaller(hashed, { InstallerSha256: HASH.toUpperCase() });
    expect(added.index).toBe(1);
    expect(installersOf(clearHash(added.set, HASH)).map((i) => i.InstallerSha256)).toEqual(['', '']);
  });
});

describe('suggestion merge rules', () => {
  it('fills empty fields, offers where a value differs, drops equal values', () => {
    const set = makeSet([{ InstallerType: 'msi', Architecture: '' }]);
    const result = mergeSuggestions(set, [
      { suggestion: sug('Architecture', 'x64'), installer: 0 },
      { suggestion: sug('InstallerType', 'wix'), installer: 0 },
      { suggestion: sug('ProductCode', '{X}', { certain: false }), installer: 0 },
      { suggestion: sug('Publisher', 'Contoso', { target: 'defaultLocale', certain: false }), installer: 0 },
      { suggestion: sug('PackageName', 'Typed', { target: 'defaultLocale' }), installer: 0 },
      { suggestion: sug('PackageName', 'Other', { target: 'defaultLocale' }), installer: 0 },
    ]);
    expect(result.applied.map((p) => p.suggestion.field)).toEqual(['Architecture', 'ProductCode', 'Publisher']);
    expect(result.offered.map((p) => `${p.suggestion.field}=${String(p.suggestion.value)}`)).toEqual(['InstallerType=wix', 'PackageName=Other']);
    expect(installersOf(result.set)[0]).toMatchObject({ Architecture: 'x64', InstallerType: 'msi', ProductCode: '{X}' });
    expect(result.set.defaultLocale).toMatchObject({ Publisher: 'Contoso', PackageName: 'Typed' });
  });

  it('leaves DisplayVersion out of AppsAndFeaturesEntries when it only repeats the PackageVersion this analysis fills', () => {
    const entry = { DisplayName: 'Sample', DisplayVersion: '1.2.3', ProductCode: '{P}' };
    const placed = (version: string) => [
      { suggestion: sug('AppsAndFeaturesEntries', [entry], { omitWhenEqualToPackageVersion: ['DisplayVersion'] }), installer: 0 },
      { suggestion: sug('PackageVersion', version, { target: 'version', certain: false }), installer: 0 },
    ];
    const fresh = makeSet([{}]);
    (fresh.version as { PackageVersion: string }).PackageVersion = '';
    const filled = mergeSuggestions(fresh, placed('1.2.3'));
    expect(filled.set.version.PackageVersion).toBe('1.2.3');
    expect(installersOf(filled.set)[0]!.AppsAndFeaturesEntries).toEqual([{ DisplayName: 'Sample', ProductCode: '{P}' }]);
    // The manifest says 1.0 and keeps it (the MSI's version is only offered): DisplayVersion differs, so it stays.
    const kept = mergeSuggestions(makeSet([{}]), placed('1.2.3'));
    expect(installersOf(kept.set)[0]!.AppsAndFeaturesEntries).toEqual([entry]);
  });

  it('asks before taking a guessed InstallerType, even into an empty field', () => {
    const result = mergeSuggestions(makeSet([{}]), [{ suggestion: sug('InstallerType', 'exe', { certain: false }), installer: 0 }]);
    expect(result.applied).toEqual([]);
    expect(result.offered).toHaveLength(1);
  });

  it('judges installer fields on inherited values: a root value is not empty', () => {
    const result = mergeSuggestions(makeSet([{}], { InstallerType: 'inno' }), [{ suggestion: sug('InstallerType', 'nullsoft'), installer: 0 }]);
    expect(result.offered).toHaveLength(1);
  });

  it('only offers when told not to apply (a disputed hash)', () => {
    const result = mergeSuggestions(makeSet([{}]), [{ suggestion: sug('Architecture', 'x64'), installer: 0 }], false);
    expect(result.applied).toEqual([]);
    expect(result.offered).toHaveLength(1);
  });

  it('applies an accepted suggestion over a value, PackageVersion in every file', () => {
    const set = applySuggestion(makeSet([{}]), { suggestion: sug('PackageVersion', '2.0', { target: 'version' }), installer: 0 });
    expect([set.version.PackageVersion, set.installer.PackageVersion, set.defaultLocale.PackageVersion]).toEqual(['2.0', '2.0', '2.0']);
  });

  it('gives a bundle one installer per architecture, reusing installers with that architecture', () => {
    const set = makeSet([{ InstallerUrl: 'https://x/a.msixbundle', InstallerSha256: HASH, Architecture: 'arm64' }]);
    const analysis: InstallerAnalysis = {
      kind: 'msixbundle',
      notes: [],
      suggestions: [sug('InstallerType', 'msix'), sug('Publisher', 'Contoso', { target: 'defaultLocale' })],
      variants: [
        { label: 'x64', suggestions: [sug('Architecture', 'x64')] },
        { label: 'arm64', suggestions: [sug('Architecture', 'arm64')] },
      ],
    };
    const result = placeAnalysis(set, [0], analysis, true);
    const installers = installersOf(result.set);
    expect(installers.map((i) => [i.Architecture, i.InstallerType, i.InstallerSha256, i.InstallerUrl])).toEqual([
      ['arm64', 'msix', HASH, 'https://x/a.msixbundle'],
      ['x64', 'msix', HASH, 'https://x/a.msixbundle'],
    ]);
    expect(result.set.defaultLocale.Publisher).toBe('Contoso');
  });
});

describe('progress maths', () => {
  it('measures speed over a sliding window and the time left', () => {
    let samples = [{ t: 0, bytes: 0 }];
    for (let t = 500; t <= 5000; t += 500) samples = addSample(samples, { t, bytes: t * 100_000 });
    expect(samples[0]!.t).toBeLessThanOrEqual(2000);
    expect(rateOf(samples)).toBeCloseTo(100_000_000);
    expect(secondsLeft(500_000_000, 1_000_000_000, 100_000_000)).toBe(5);
    expect(progressText(500_000_000, 1_000_000_000, 100_000_000)).toBe('500 of 1000 MB, 100 MB/s, 5 s left');
    expect(progressText(0, 5_000_000, undefined)).toBe('0.00 of 5.00 MB');
    expect(rateOf([{ t: 1, bytes: 0 }])).toBeUndefined();
  });
});
