import { describe, expect, it } from 'vitest';
import { exampleManifests } from '../../../test/shared-paths';
import type { ManifestSet } from '../model/types';
import { expectedFileName, mapAssetsToInstallers, previousInstallersOf } from './asset-mapping';
import type { AssetRow } from './asset-mapping';
import { releaseOf, setFromFiles } from './test-support';

const example = (folder: string): ManifestSet => setFromFiles(exampleManifests().find((e) => e.folder === folder)!.files);
const names = (rows: readonly AssetRow[]): [string, number | undefined][] => rows.map((r) => [r.asset.name, r.previous]);

describe('expectedFileName', () => {
  it('replaces the previous version and the URL tag’s version as whole versions', () => {
    const url = 'https://github.com/junegunn/fzf/releases/download/v0.56.3/fzf-0.56.3-windows_amd64.zip';
    expect(expectedFileName(url, '0.56.3', '0.57.0')).toBe('fzf-0.57.0-windows_amd64.zip');
    // PackageVersion emptied (a next-version draft): the tag still says which version the name holds.
    expect(expectedFileName(url, '', '0.57.0')).toBe('fzf-0.57.0-windows_amd64.zip');
    // PackageVersion written with more parts than the tag and file name use.
    expect(expectedFileName('https://github.com/o/r/releases/download/v1.2/tool-1.2-x64.msi', '1.2.0', '1.3')).toBe('tool-1.3-x64.msi');
    expect(expectedFileName('https://github.com/o/r/releases/download/v1.2/tool-1.2.3.msi', '', '1.3')).toBe('tool-1.2.3.msi');
    expect(expectedFileName('https://e.x/App%20Setup%201.0.exe', '1.0', '1.1')).toBe('App Setup 1.1.exe');
  });
});

describe('mapAssetsToInstallers', () => {
  it('maps every fzf installer automatically and reports the new build it did not use', () => {
    const fzf = example('manifests/j/junegunn/fzf/0.56.3');
    const release = releaseOf('junegunn', 'fzf', 'v0.57.0', [
      'fzf-0.57.0-darwin_arm64.tar.gz', 'fzf-0.57.0-linux_amd64.tar.gz', 'fzf-0.57.0-windows_amd64.zip',
      'fzf-0.57.0-windows_arm64.zip', 'fzf-0.57.0-windows_armv7.zip', 'fzf-0.57.0-windows_386.zip', 'fzf_0.57.0_checksums.txt',
    ]);
    const mapping = mapAssetsToInstallers(previousInstallersOf(fzf), '0.56.3', release);
    expect(mapping.automatic).toBe(true);
    expect(names(mapping.rows)).toEqual([
      ['fzf-0.57.0-windows_amd64.zip', 0], ['fzf-0.57.0-windows_armv7.zip', 1], ['fzf-0.57.0-windows_arm64.zip', 2],
    ]);
    expect(mapping.unused.map((a) => a.name)).toEqual(['fzf-0.57.0-windows_386.zip']);
  });

  it('maps installers that share one download (per-user and per-machine) to the same asset', () => {
    const obsidian = example('manifests/o/Obsidian/Obsidian/1.11.7');
    const release = releaseOf('obsidianmd', 'obsidian-releases', 'v1.12.0', [
      'Obsidian-1.12.0.exe', 'Obsidian-1.12.0.dmg', 'Obsidian-1.12.0.AppImage', 'obsidian-1.12.0.asar.gz',
    ]);
    const mapping = mapAssetsToInstallers(previousInstallersOf(obsidian), '1.11.7', release);
    expect(mapping.automatic).toBe(true);
    expect(names(mapping.rows)).toEqual([0, 1, 2, 3, 4, 5].map((i) => ['Obsidian-1.12.0.exe', i]));
    expect(mapping.unused).toEqual([]);
  });

  it('finds a name with no version in it, and ignores letter case when that is unambiguous', () => {
    const neovim = example('manifests/n/Neovim/Neovim/0.8.0');
    const release = releaseOf('neovim', 'neovim', 'v0.9.0', ['NVIM-WIN64.MSI', 'nvim-win64.zip', 'nvim-linux64.tar.gz']);
    const mapping = mapAssetsToInstallers(previousInstallersOf(neovim), '0.8.0', release);
    expect(mapping.automatic).toBe(true);
    expect(names(mapping.rows)).toEqual([['NVIM-WIN64.MSI', 0]]);
    expect(mapping.unused.map((a) => a.name)).toEqual(['nvim-win64.zip']);
  });

  it('offers every installer asset with a suggestion when a previous installer finds none', () => {
    const obs = example('manifests/o/OBSProject/OBSStudio/27.1.2');
    // OBS dropped the x86 build and renamed the installer.
    const release = releaseOf('obsproject', 'obs-studio', '28.0.0', [
      'OBS-Studio-28.0-Full-Installer-x64.exe', 'OBS-Studio-28.0-Full-x64.zip', 'OBS-Studio-28.0-macOS.dmg',
    ]);
    const mapping = mapAssetsToInstallers(previousInstallersOf(obs), '27.1.2', release);
    expect(mapping.automatic).toBe(false);
    // Suggestions by traits: architecture weighs most, so the x64 zip too starts from the x64 installer.
    expect(names(mapping.rows)).toEqual([['OBS-Studio-28.0-Full-Installer-x64.exe', 0], ['OBS-Studio-28.0-Full-x64.zip', 0]]);
    expect(mapping.unused).toEqual([]);
  });

  it('keeps the rows of a name match and suggests the rest by traits', () => {
    const fzf = example('manifests/j/junegunn/fzf/0.56.3');
    // The armv7 build is gone: two previous installers still find theirs by name.
    const release = releaseOf('junegunn', 'fzf', 'v0.57.0', ['fzf-0.57.0-windows_arm64.zip', 'fzf-0.57.0-windows_amd64.zip', 'fzf-0.57.0-windows-x64.msi']);
    const mapping = mapAssetsToInstallers(previousInstallersOf(fzf), '0.56.3', release);
    expect(mapping.automatic).toBe(false);
    // The msi is x64 like installer 0, but another family: the suggestion still follows the architecture.
    expect(names(mapping.rows)).toEqual([['fzf-0.57.0-windows_arm64.zip', 2], ['fzf-0.57.0-windows_amd64.zip', 0], ['fzf-0.57.0-windows-x64.msi', 0]]);
  });

  it('is not automatic when two previous installers would take one asset', () => {
    const previous = [{ url: 'https://e.x/1.0/tool-1.0.exe' }, { url: 'https://mirror.e.x/1.0/tool-1.0.exe' }];
    const release = releaseOf('o', 'tool', 'v1.1', ['tool-1.1.exe']);
    const mapping = mapAssetsToInstallers(previous, '1.0', release);
    expect(mapping.automatic).toBe(false);
    expect(names(mapping.rows)).toEqual([['tool-1.1.exe', 0], ['tool-1.1.exe', 1]]);
  });

  it('never suggests the blank installer a new manifest starts with', () => {
    const previous = [{ url: '', traits: { architecture: 'x64' } }];
    const release = releaseOf('o', 'tool', 'v1.0.0', ['tool-setup.exe', 'tool-1.0.0-arm64.msi', 'tool.sha256']);
    const mapping = mapAssetsToInstallers(previous, '', release);
    expect(mapping.automatic).toBe(false);
    expect(names(mapping.rows)).toEqual([['tool-setup.exe', undefined], ['tool-1.0.0-arm64.msi', undefined]]);
    expect(mapAssetsToInstallers([], '', release).automatic).toBe(false);
  });

  it('suggests a portable installer for an exe of the same architecture', () => {
    const previous = [{ url: 'https://e.x/tool-1.0.exe', traits: { architecture: 'x64', family: 'portable' as const } }];
    const release = releaseOf('o', 'tool', 'v2.0', ['tool-2.0-portable.exe', 'tool-2.0-x86.exe']);
    expect(names(mapAssetsToInstallers(previous, '1.0', release).rows)).toEqual([['tool-2.0-portable.exe', 0], ['tool-2.0-x86.exe', undefined]]);
  });
});
