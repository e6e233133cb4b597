import { describe, expect, it } from 'vitest';
import { architectureFromFileName, isInstallerAsset, traitsOfFileName } from './assets';

describe('isInstallerAsset', () => {
  it('accepts the file types winget installs, in any letter case', () => {
    for (const name of ['a.exe', 'A.MSI', 'a.msix', 'a.MsixBundle', 'a.appx', 'a.appxbundle', 'fzf-0.56.3-windows_amd64.zip']) {
      expect(isInstallerAsset(name), name).toBe(true);
    }
  });

  it('refuses everything else', () => {
    for (const name of ['fzf-0.56.3-linux_amd64.tar.gz', 'checksums.txt', 'a.exe.sha256', 'a.msi.sig', 'a.7z', 'a.dmg', 'a.deb', 'exe', '.exe', 'Source.zipx']) {
      expect(isInstallerAsset(name), name).toBe(false);
    }
  });
});

describe('architectureFromFileName', () => {
  it('reads every common spelling of the architecture', () => {
    const cases: [string, string][] = [
      ['tool-x64.msi', 'x64'], ['tool_amd64.zip', 'x64'], ['tool-win64.exe', 'x64'], ['tool-x86_64-setup.exe', 'x64'],
      ['tool-x86.msi', 'x86'], ['tool-win32.exe', 'x86'], ['tool-ia32.exe', 'x86'], ['tool-i686.zip', 'x86'], ['tool-i386.zip', 'x86'],
      ['tool-arm64.msix', 'arm64'], ['tool-aarch64.zip', 'arm64'], ['OBS-Studio-27.1.2-Full-Installer-x64.exe', 'x64'],
      ['nvim-win64.msi', 'x64'], ['fzf-0.56.3-windows_arm64.zip', 'arm64'],
    ];
    for (const [name, architecture] of cases) expect(architectureFromFileName(name), name).toBe(architecture);
  });

  it('is undefined when the name says nothing, or only says it inside a word', () => {
    expect(architectureFromFileName('Obsidian-1.11.7.exe')).toBeUndefined();
    expect(architectureFromFileName('max64bits.exe')).toBeUndefined();
  });

  it('reads names holding characters a URL would cut at', () => {
    expect(traitsOfFileName('C#-tool?-x64.msi')).toEqual({ architecture: 'x64', family: 'msi' });
  });
});
