import { describe, expect, it } from 'vitest';
import { validateManifest } from './validate-manifest';

// A preview-format (0.1.0) manifest of an imaginary package; each test changes one thing.
const BASE = `Id: Contoso.Tool
Name: Contoso Tool
Version: 1.2.3
Publisher: Contoso
License: MIT
InstallerType: exe
Switches:
  Silent: /quiet
  SilentWithProgress: /passive
Installers:
  - Arch: x64
    Url: https://example.com/tool.exe
    Sha256: 69D84CA8899800A5575CE31798293CD4FEBAB1D734A07C2E51E56A28E0DF8C82
`;

function findings(text: string) {
  return validateManifest([{ name: 'Contoso.Tool.yaml', data: text }], { community: false }).findings.map(
    (f) => `${f.severity} ${f.rule} ${f.line} ${f.field}`,
  );
}

describe('the client rules on the preview format', () => {
  it('the base passes with nothing to say', () => {
    expect(findings(BASE)).toEqual([]);
  });

  it('reports at the preview key, named as the preview names it', () => {
    const text = BASE.replace('    Url: https://example.com/tool.exe\n', '    Url: https://example.com/tool.exe\n    Scope: user\n') +
      '  - Arch: x64\n    Url: https://example.com/tool.exe\n    Sha256: 69D84CA8899800A5575CE31798293CD4FEBAB1D734A07C2E51E56A28E0DF8C82\n';
    expect(findings(text)).toContain('error installer-duplicate 15 Installers[1]');
  });

  it('a missing InstallerType, a case variant, a duplicate and an unknown key', () => {
    expect(findings(BASE.replace('InstallerType: exe\n', ''))).toContain('error installer-type-required 10 Installers[0].InstallerType');
    expect(findings(BASE.replace('InstallerType: exe', 'installerType: exe'))).toContain('error field-case 6 InstallerType');
    expect(findings(BASE.replace('    Url:', '    url: https://example.com/b.exe\n    Url:'))).toContain('error field-duplicate 13 Installers[0].Url');
    expect(findings(BASE.replace('License: MIT', 'License: MIT\nFake: yes'))).toContain('warning field-unknown 6 Fake');
  });

  it('an empty switch is absent, so an exe without Silent is told', () => {
    expect(findings(BASE.replace('Silent: /quiet', 'Silent: ""'))).toContain('warning exe-silent-switches-missing 7 Switches');
  });

  it('ProductCode, PackageFamilyName and Channel by the installer type', () => {
    const msix = BASE.replace('InstallerType: exe', 'InstallerType: msix');
    expect(findings(msix.replace('    Sha256:', '    ProductCode: "{A}"\n    Sha256:'))).toContain('error product-code-type 13 Installers[0].ProductCode');
    expect(findings(BASE.replace('    Sha256:', '    PackageFamilyName: Contoso.Tool_8wekyb3d8bbwe\n    Sha256:'))).toContain(
      'warning package-family-name-type 13 Installers[0].PackageFamilyName',
    );
    expect(findings(BASE.replace('License: MIT', 'License: MIT\nChannel: beta'))).toContain('error channel-not-supported 6 Channel');
  });

  it('a version the client cannot use, and a URL that is no URL', () => {
    expect(findings(BASE.replace('Version: 1.2.3', "Version: '> 1.2'"))).toContain('error package-version-invalid 3 Version');
    expect(findings(BASE.replace('https://example.com/tool.exe', 'NotAUrl'))).toContain('error installer-url-invalid 12 Installers[0].Url');
  });
});
