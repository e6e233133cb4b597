import { describe, expect, it } from 'vitest';
import { manifestFileName, manifestFolder, parseManifestPath, repositoryPathStart } from './paths';

describe('manifestFolder / manifestFileName', () => {
  it('lays a package version out as winget-pkgs does', () => {
    expect(manifestFolder('manifests', 'Google.Chrome.EXE', '124.0.6367.119')).toBe('manifests/g/Google/Chrome/EXE/124.0.6367.119/');
    expect(manifestFolder('manifests', 'junegunn.fzf', '0.56.3')).toBe('manifests/j/junegunn/fzf/0.56.3/');
    expect(manifestFolder('manifests', '7zip.7zip', '24.08')).toBe('manifests/7/7zip/7zip/24.08/');
  });

  it('lays a font package out the same way under fonts/', () => {
    expect(manifestFolder('fonts', 'JetBrains.JetBrainsMono', '2.304')).toBe('fonts/j/JetBrains/JetBrainsMono/2.304/');
    expect(manifestFolder('fonts', 'Microsoft.CascadiaCode.NerdFont', '2407.24')).toBe('fonts/m/Microsoft/CascadiaCode/NerdFont/2407.24/');
  });

  it('names the files by kind', () => {
    expect(manifestFileName('Google.Chrome.EXE', 'version')).toBe('Google.Chrome.EXE.yaml');
    expect(manifestFileName('Google.Chrome.EXE', 'installer')).toBe('Google.Chrome.EXE.installer.yaml');
    expect(manifestFileName('Google.Chrome.EXE', 'defaultLocale', 'en-US')).toBe('Google.Chrome.EXE.locale.en-US.yaml');
    expect(manifestFileName('Google.Chrome.EXE', 'locale', 'nb-NO')).toBe('Google.Chrome.EXE.locale.nb-NO.yaml');
    expect(manifestFileName('WinSCP.WinSCP', 'singleton')).toBe('WinSCP.WinSCP.yaml');
  });
});

describe('parseManifestPath', () => {
  it('reads a file path back into identifier, version and kind', () => {
    expect(parseManifestPath('manifests/g/Google/Chrome/EXE/124.0.6367.119/Google.Chrome.EXE.locale.nb-NO.yaml')).toEqual({
      root: 'manifests',
      folder: 'manifests/g/Google/Chrome/EXE/124.0.6367.119/',
      partition: 'g',
      packageIdentifier: 'Google.Chrome.EXE',
      packageVersion: '124.0.6367.119',
      fileName: 'Google.Chrome.EXE.locale.nb-NO.yaml',
      fileIdentifier: 'Google.Chrome.EXE',
      kind: 'locale',
      locale: 'nb-NO',
    });
    expect(parseManifestPath('manifests/g/Google/Chrome/EXE/124.0.6367.119/Google.Chrome.EXE.installer.yaml')?.kind).toBe('installer');
    expect(parseManifestPath('manifests/g/Google/Chrome/EXE/124.0.6367.119/Google.Chrome.EXE.yaml')?.kind).toBe('version');
  });

  it('accepts folders, Windows separators and a prefix before manifests/', () => {
    expect(parseManifestPath('manifests/j/junegunn/fzf/0.56.3/')).toEqual({
      root: 'manifests',
      folder: 'manifests/j/junegunn/fzf/0.56.3/',
      partition: 'j',
      packageIdentifier: 'junegunn.fzf',
      packageVersion: '0.56.3',
    });
    const info = parseManifestPath('C:\\src\\winget-pkgs\\manifests\\w\\WinSCP\\WinSCP\\6.3.5\\WinSCP.WinSCP.installer.yaml');
    expect(info?.packageIdentifier).toBe('WinSCP.WinSCP');
    expect(info?.folder).toBe('manifests/w/WinSCP/WinSCP/6.3.5/');
  });

  it('reports what a path says even when it disagrees with itself, for the community checks to judge', () => {
    const info = parseManifestPath('manifests/G/Google/Chrome/1.0/Google.Chrom.installer.yaml');
    expect(info?.partition).toBe('G');
    expect(info?.packageIdentifier).toBe('Google.Chrome');
    expect(info?.fileIdentifier).toBe('Google.Chrom');
    expect(info?.kind).toBe('installer');
  });

  it('reads identifiers whose segments look like file kinds against the folder', () => {
    const info = parseManifestPath('manifests/f/Foo/installer/2.0/Foo.installer.yaml');
    expect(info).toMatchObject({ packageIdentifier: 'Foo.installer', fileIdentifier: 'Foo.installer', kind: 'version' });
  });

  it('reads font packages under fonts/, and tells a root from an identifier segment of the same name', () => {
    expect(parseManifestPath('winget-pkgs/fonts/j/JetBrains/JetBrainsMono/2.304/JetBrains.JetBrainsMono.installer.yaml')).toMatchObject({
      root: 'fonts',
      folder: 'fonts/j/JetBrains/JetBrainsMono/2.304/',
      packageIdentifier: 'JetBrains.JetBrainsMono',
      kind: 'installer',
    });
    expect(parseManifestPath('manifests/c/Contoso/fonts/1/Contoso.fonts.yaml')).toMatchObject({ root: 'manifests', packageIdentifier: 'Contoso.fonts' });
  });

  it('finds where a repository path starts, in any case, for the path checks', () => {
    expect(repositoryPathStart(['C:', 'src', 'Fonts', 'j', 'JetBrains', 'JetBrainsMono', '2.304'])).toBe(2);
    expect(repositoryPathStart(['home', 'manifests', 'Kubernetes', 'kubectl', '1.33.1'])).toBe(1);
    expect(repositoryPathStart(['home', 'me', 'Foo'])).toBe(-1);
  });

  it('is undefined outside the layout', () => {
    expect(parseManifestPath('src/Foo.yaml')).toBeUndefined();
    expect(parseManifestPath('manifests/Foo.yaml')).toBeUndefined();
    expect(parseManifestPath('manifests/f/Foo/1.0/')).toBeUndefined();
  });
});
