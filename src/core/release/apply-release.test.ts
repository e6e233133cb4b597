import { describe, expect, it } from 'vitest';
import { exampleManifests } from '../../../test/shared-paths';
import { DEFAULT_MANIFEST_VERSION } from '../manifest-version';
import { expandInstallers } from '../model/installers';
import { prepareNextVersion } from '../model/next-version';
import type { ManifestSet } from '../model/types';
import { writeManifestSet } from '../model/write-set';
import type { DefaultLocaleManifest, InstallerManifest, VersionManifest } from '../schema';
import { validateManifest } from '../validate/validate-manifest';
import { applyRelease } from './apply-release';
import { mapAssetsToInstallers, previousInstallersOf } from './asset-mapping';
import { previousVersionOf } from './previous-version';
import { releaseOf, setFromFiles } from './test-support';
import type { RepositoryInfo } from './types';

type Obj = Record<string, unknown>;

const example = (folder: string): ManifestSet => setFromFiles(exampleManifests().find((e) => e.folder === folder)!.files);
const files = (set: ManifestSet): Obj[] => [set.version, set.installer, set.defaultLocale, ...set.locales] as unknown as Obj[];
const locale = (set: ManifestSet): Obj => set.defaultLocale as unknown as Obj;
const root = (set: ManifestSet): Obj => set.installer as unknown as Obj;

/** The set as a new manifest starts (src/document's emptySet): empty required fields, one placeholder installer. */
function newManifest(): ManifestSet {
  const identity = { PackageIdentifier: '', PackageVersion: '' };
  const manifestVersion = DEFAULT_MANIFEST_VERSION;
  return {
    version: { ...identity, DefaultLocale: 'en-US', ManifestType: 'version', ManifestVersion: manifestVersion } as VersionManifest,
    installer: {
      ...identity, Installers: [{ Architecture: 'x64', InstallerUrl: '', InstallerSha256: '' }], ManifestType: 'installer', ManifestVersion: manifestVersion,
    } as unknown as InstallerManifest,
    defaultLocale: {
      ...identity, PackageLocale: 'en-US', Publisher: '', PackageName: '', License: '', ShortDescription: '',
      ManifestType: 'defaultLocale', ManifestVersion: manifestVersion,
    } as unknown as DefaultLocaleManifest,
    locales: [],
  };
}

/** Validation errors of the set as written, once the hashes the app computes after import are in. */
function errorsAfterHashing(set: ManifestSet): string[] {
  const hashed = structuredClone(set);
  for (const item of (hashed.installer as unknown as { Installers: Obj[] }).Installers) item.InstallerSha256 = 'AB'.repeat(32);
  const written = writeManifestSet(hashed);
  const result = validateManifest(written.files.map((f) => ({ name: f.name, data: f.text, path: f.path })));
  return result.findings.filter((f) => f.severity === 'error').map((f) => `${f.field}: ${f.message}`);
}

const OBSIDIAN_NOTES = [
  '## Improved',
  '- Bases: **Table view** now supports grouping by a property.',
  '- `Open in new window` keeps the window size.',
  '',
  '## Fixed',
  '* Fixed a crash on startup when a plugin\'s `manifest.json` was empty. ([#1234](https://github.com/obsidianmd/obsidian-releases/issues/1234))',
].join('\r\n');

describe('applyRelease: a new version of a real package', () => {
  const obsidian = example('manifests/o/Obsidian/Obsidian/1.11.7');
  const release = releaseOf('obsidianmd', 'obsidian-releases', 'v1.12.0', ['Obsidian-1.12.0.exe', 'Obsidian-1.12.0.dmg'], {
    body: OBSIDIAN_NOTES, publishedAt: '2026-02-19T16:40:12Z',
  });
  const mapping = mapAssetsToInstallers(previousInstallersOf(obsidian), '1.11.7', release);
  const before = structuredClone(obsidian);
  const applied = applyRelease(obsidian, { release, mode: 'new-version', rows: mapping.rows });

  it('sets PackageVersion in every file, and ReleaseDate at the root', () => {
    expect(mapping.automatic).toBe(true);
    for (const file of files(applied.set)) expect(file.PackageVersion).toBe('1.12.0');
    expect(root(applied.set).ReleaseDate).toBe('2026-02-19');
    expect(obsidian).toEqual(before);
  });

  it('points every installer at the asset and keeps what the previous installer said', () => {
    const installers = expandInstallers(applied.set.installer) as unknown as Obj[];
    const previous = expandInstallers(obsidian.installer) as unknown as Obj[];
    expect(installers).toHaveLength(6);
    installers.forEach((installer, i) => {
      expect(installer.InstallerUrl).toBe('https://github.com/obsidianmd/obsidian-releases/releases/download/v1.12.0/Obsidian-1.12.0.exe');
      // Written as an empty field for the hash the app computes next (expansion leaves empty values out).
      expect((root(applied.set).Installers as Obj[])[i]!.InstallerSha256).toBe('');
      const { InstallerUrl: _u, InstallerSha256: _s, ReleaseDate: _d, ...kept } = installer;
      const { InstallerUrl: _pu, InstallerSha256: _ps, ReleaseDate: _pd, ...was } = previous[i]!;
      expect(kept).toEqual(was);
    });
  });

  it('writes the release notes as plain text and the release page as ReleaseNotesUrl', () => {
    expect(locale(applied.set).ReleaseNotes).toBe([
      'Improved',
      '- Bases: Table view now supports grouping by a property.',
      '- Open in new window keeps the window size.',
      '',
      'Fixed',
      "- Fixed a crash on startup when a plugin's manifest.json was empty. (#1234)",
    ].join('\n'));
    expect(locale(applied.set).ReleaseNotesUrl).toBe('https://github.com/obsidianmd/obsidian-releases/releases/tag/v1.12.0');
    // The descriptions are the maintainer's: a new version does not touch them.
    expect(locale(applied.set).Tags).toEqual(locale(obsidian).Tags);
    expect(locale(applied.set).PackageUrl).toBe('https://obsidian.md/');
  });

  it('lists what it filled and flags the translation it left alone', () => {
    expect(applied.filled.map((f) => `${f.file} ${f.field}`)).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((i) => `installer Installers[${i}].InstallerUrl`),
      'version PackageVersion',
      'installer ReleaseDate',
      'defaultLocale ReleaseNotesUrl',
      'defaultLocale ReleaseNotes',
    ]);
    expect(applied.filled.find((f) => f.field === 'ReleaseDate')?.value).toBe('2026-02-19');
    expect(applied.kept).toEqual([{ field: 'ReleaseNotesUrl (zh-CN)', reason: expect.stringContaining('other locales') as unknown as string }]);
  });

  it('gives a set that validates once the hashes are computed', () => {
    expect(errorsAfterHashing(applied.set)).toEqual([]);
  });
});

describe('applyRelease: a next-version draft', () => {
  it('fills the draft prepareNextVersion made, reading the previous version back from the URLs', () => {
    const fzf = example('manifests/j/junegunn/fzf/0.56.3');
    const draft = prepareNextVersion(fzf, { manifestVersion: '1.12.0' }).set;
    const release = releaseOf('junegunn', 'fzf', 'v0.57.0', [
      'fzf-0.57.0-windows_amd64.zip', 'fzf-0.57.0-windows_armv7.zip', 'fzf-0.57.0-windows_arm64.zip', 'fzf-0.57.0-linux_amd64.tar.gz',
    ], { body: '- Added `--tmux` option\n- Bug fixes and improvements\n', publishedAt: '2024-12-01T10:15:00Z' });
    const mapping = mapAssetsToInstallers(previousInstallersOf(draft), previousVersionOf(draft) ?? '', release);
    expect(mapping.automatic).toBe(true);
    const { set, filled } = applyRelease(draft, { release, mode: 'new-version', rows: mapping.rows });
    const installer = root(set);
    expect(installer.PackageVersion).toBe('0.57.0');
    expect(installer.NestedInstallerType).toBe('portable');
    expect(installer.ReleaseDate).toBe('2024-12-01');
    expect((installer.Installers as Obj[]).map((i) => [i.Architecture, i.InstallerUrl])).toEqual([
      ['x64', 'https://github.com/junegunn/fzf/releases/download/v0.57.0/fzf-0.57.0-windows_amd64.zip'],
      ['arm', 'https://github.com/junegunn/fzf/releases/download/v0.57.0/fzf-0.57.0-windows_armv7.zip'],
      ['arm64', 'https://github.com/junegunn/fzf/releases/download/v0.57.0/fzf-0.57.0-windows_arm64.zip'],
    ]);
    expect(locale(set).ReleaseNotes).toBe('- Added --tmux option\n- Bug fixes and improvements');
    // Architectures are unchanged, so only URLs, version, date and notes are listed.
    expect(filled.filter((f) => f.field.endsWith('Architecture'))).toEqual([]);
    expect(filled.find((f) => f.field === 'PackageVersion')).toEqual({ file: 'version', field: 'PackageVersion', value: '0.57.0' });
    expect(errorsAfterHashing(set)).toEqual([]);
  });

  it('removes ReleaseNotes for an empty body and ReleaseDate for an unpublished release', () => {
    const fzf = example('manifests/j/junegunn/fzf/0.56.3');
    const { publishedAt: _published, ...draftRelease } = releaseOf('junegunn', 'fzf', 'v0.57.0', [], { body: ' \n ' });
    const { set, filled, kept } = applyRelease(fzf, { release: draftRelease, mode: 'new-version', rows: [] });
    expect(locale(set).ReleaseNotes).toBeUndefined();
    expect(root(set).ReleaseDate).toBeUndefined();
    expect(kept.map((k) => k.field)).toEqual(['Installers', 'ReleaseDate']);
    // No asset chosen: the installers stay as they were, URLs included.
    expect(expandInstallers(set.installer).map((i) => (i as unknown as Obj).InstallerUrl)).toEqual(
      expandInstallers(fzf.installer).map((i) => (i as unknown as Obj).InstallerUrl),
    );
    expect(filled.map((f) => f.field)).toEqual(['PackageVersion', 'ReleaseNotesUrl']);
  });

  it('takes the architecture from the file name and keeps a portable exe portable', () => {
    const set = newManifest();
    const installer = root(set);
    installer.PackageIdentifier = 'Contoso.Tool';
    installer.Installers = [{ Architecture: 'x86', InstallerType: 'portable', InstallerUrl: 'https://e.x/tool-1.0.exe', InstallerSha256: 'AB'.repeat(32) }];
    const release = releaseOf('contoso', 'tool', 'v2.0', ['tool-2.0-x64.exe', 'tool-2.0-x64.msi']);
    const rows = [{ asset: release.assets[0]!, previous: 0 }, { asset: release.assets[1]!, previous: 0 }];
    const applied = applyRelease(set, { release, mode: 'new-version', rows });
    const installers = expandInstallers(applied.set.installer) as unknown as Obj[];
    expect(installers.map((i) => [i.Architecture, i.InstallerType])).toEqual([['x64', 'portable'], ['x64', 'msi']]);
    expect(applied.filled.filter((f) => f.field.endsWith('Architecture')).map((f) => `${f.field}=${f.value}`)).toEqual([
      'Installers[0].Architecture=x64', 'Installers[1].Architecture=x64',
    ]);
  });
});

const widget: RepositoryInfo = {
  owner: 'contoso-labs',
  name: 'widget.app',
  htmlUrl: 'https://github.com/contoso-labs/widget.app',
  ownerHtmlUrl: 'https://github.com/contoso-labs',
  description: 'A small, fast desktop widget\nfor your taskbar',
  homepage: 'https://widget.contoso.example',
  topics: ['Taskbar', 'widget', 'windows', 'desktop'],
  license: { spdxId: 'Apache-2.0', htmlUrl: 'https://github.com/contoso-labs/widget.app/blob/main/LICENSE' },
  hasIssues: true,
  private: false,
};

describe('applyRelease: a new package', () => {
  const release = releaseOf('contoso-labs', 'widget.app', 'v2.1.0', ['widget-2.1.0-x64.msi', 'widget-2.1.0-arm64.msi', 'widget-2.1.0.tar.gz', 'SHA256SUMS'], {
    body: '### Highlights\n\n1. First public release on winget\n1. Smaller installer', publishedAt: '2025-06-30T23:59:59Z',
  });

  it('fills an empty new manifest from the release and the repository', () => {
    const set = newManifest();
    const mapping = mapAssetsToInstallers(previousInstallersOf(set), '', release);
    expect(mapping.automatic).toBe(false);
    const applied = applyRelease(set, { release, mode: 'new-package', repository: widget, rows: mapping.rows });
    for (const file of files(applied.set)) {
      expect(file.PackageIdentifier).toBe('contoso-labs.widget-app');
      expect(file.PackageVersion).toBe('2.1.0');
    }
    expect(locale(applied.set)).toMatchObject({
      Publisher: 'contoso-labs',
      PublisherUrl: 'https://github.com/contoso-labs',
      PublisherSupportUrl: 'https://github.com/contoso-labs/widget.app/issues',
      PackageName: 'widget.app',
      PackageUrl: 'https://github.com/contoso-labs/widget.app',
      License: 'Apache-2.0',
      LicenseUrl: 'https://github.com/contoso-labs/widget.app/blob/main/LICENSE',
      ShortDescription: 'A small, fast desktop widget for your taskbar',
      Tags: ['taskbar', 'widget', 'windows', 'desktop'],
      ReleaseNotes: 'Highlights\n\n1. First public release on winget\n2. Smaller installer',
      ReleaseNotesUrl: 'https://github.com/contoso-labs/widget.app/releases/tag/v2.1.0',
    });
    const installers = expandInstallers(applied.set.installer) as unknown as Obj[];
    expect(installers.map((i) => [i.Architecture, i.InstallerType, i.InstallerUrl])).toEqual([
      ['x64', 'msi', 'https://github.com/contoso-labs/widget.app/releases/download/v2.1.0/widget-2.1.0-x64.msi'],
      ['arm64', 'msi', 'https://github.com/contoso-labs/widget.app/releases/download/v2.1.0/widget-2.1.0-arm64.msi'],
    ]);
    expect(applied.filled.map((f) => f.field)).toEqual([
      'Installers[0].InstallerUrl', 'Installers[1].InstallerUrl', 'Installers[1].Architecture',
      'PackageVersion', 'PackageIdentifier', 'ReleaseDate', 'ReleaseNotesUrl', 'ReleaseNotes',
      'Publisher', 'PublisherUrl', 'PublisherSupportUrl', 'PackageName', 'PackageUrl', 'License', 'LicenseUrl',
      'ShortDescription', 'Tags',
    ]);
    expect(applied.filled.find((f) => f.field === 'Tags')?.value).toBe('taskbar, widget, windows, desktop');
    expect(applied.kept).toEqual([]);
    expect(errorsAfterHashing(applied.set)).toEqual([]);
  });

  it('never overwrites License, Publisher or PackageName, fills only empty fields, and lists no unchanged value', () => {
    const set = newManifest();
    for (const file of files(set)) file.PackageIdentifier = 'Contoso.Widget';
    Object.assign(locale(set), {
      Publisher: 'Contoso Labs', PackageName: 'Widget', License: 'Apache-2.0', ShortDescription: 'My own words',
      PackageUrl: 'https://github.com/contoso-labs/widget.app',
    });
    const rows = [{ asset: release.assets[0]!, previous: 0 }];
    const applied = applyRelease(set, { release, mode: 'new-package', repository: widget, rows });
    expect(applied.set.version.PackageIdentifier).toBe('Contoso.Widget');
    expect(locale(applied.set)).toMatchObject({ Publisher: 'Contoso Labs', PackageName: 'Widget', License: 'Apache-2.0', ShortDescription: 'My own words' });
    expect(applied.kept.map((k) => k.field)).toEqual(['Publisher', 'PackageName', 'ShortDescription']);
    expect(applied.kept[0]!.reason).toContain('never overwritten');
    expect(applied.kept[2]!.reason).toContain('already has a value');
    const listed = applied.filled.map((f) => f.field);
    for (const field of ['PackageIdentifier', 'PackageUrl', 'License', 'Publisher', 'Installers[0].Architecture']) expect(listed).not.toContain(field);
    expect(listed).toContain('Tags');
  });

  it('leaves License empty when GitHub cannot name it, and PublisherSupportUrl out without issues', () => {
    const repository: RepositoryInfo = { ...widget, license: { spdxId: 'NOASSERTION', htmlUrl: 'https://github.com/contoso-labs/widget.app/blob/main/COPYING' }, hasIssues: false };
    const applied = applyRelease(newManifest(), { release, mode: 'new-package', repository, rows: [] });
    expect(locale(applied.set).License).toBe('');
    expect(locale(applied.set).LicenseUrl).toBe('https://github.com/contoso-labs/widget.app/blob/main/COPYING');
    expect(locale(applied.set).PublisherSupportUrl).toBeUndefined();
    expect(applied.kept.map((k) => k.field)).toEqual(['Installers', 'License']);
  });

  it('takes the identifier from the release when no repository details came with it', () => {
    const applied = applyRelease(newManifest(), { release, mode: 'new-package', rows: [] });
    expect(applied.set.version.PackageIdentifier).toBe('contoso-labs.widget-app');
    expect(locale(applied.set).Publisher).toBe('');
  });

  it('does not touch identity or descriptions in new-version mode', () => {
    const applied = applyRelease(newManifest(), { release, mode: 'new-version', repository: widget, rows: [] });
    expect(applied.set.version.PackageIdentifier).toBe('');
    expect(locale(applied.set).Publisher).toBe('');
    expect(locale(applied.set).ReleaseNotesUrl).toBe(release.htmlUrl);
  });
});
