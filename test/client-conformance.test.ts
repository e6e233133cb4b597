import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateManifest, type ManifestFileInput } from '../src/core/validate/validate-manifest';
import { EXAMPLES_DIR } from './shared-paths';

// Accept/reject parity with the winget client (`winget validate`), case by case from the rules it applies
// (../shared/winget-validation-rules.md). Each case starts from a real published manifest and changes one thing.
const OBSIDIAN = 'manifests/o/Obsidian/Obsidian/1.11.7';
const FZF = 'manifests/j/junegunn/fzf/0.56.3';
const AZURE = 'manifests/m/Microsoft/AzureCLI/2.60.0';
const KUBECTL = 'manifests/k/Kubernetes/kubectl/1.33.1';

function load(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const dir = path.join(EXAMPLES_DIR, folder);
  for (const name of ['version', 'installer', 'locale.en-US', 'locale.zh-CN']) {
    const id = folder.split('/').slice(2, -1).join('.');
    const file = name === 'version' ? `${id}.yaml` : `${id}.${name}.yaml`;
    try {
      // Edits below are written with LF; the CRLF case has its own test.
      files[file] = readFileSync(path.join(dir, file), 'utf8').replace(/\r\n/g, '\n');
    } catch {
      // not every example has a zh-CN locale
    }
  }
  return files;
}

type Edit = (files: Record<string, string>) => void;

function edit(file: string, from: string | RegExp, to: string): Edit {
  return (files) => {
    const key = Object.keys(files).find((k) => k.endsWith(file));
    if (!key) throw new Error(`no file ${file}`);
    const before = files[key]!;
    files[key] = before.replace(from, to);
    if (files[key] === before) throw new Error(`edit of ${file} changed nothing: ${String(from)}`);
  };
}

function run(folder: string, ...edits: Edit[]) {
  const files = load(folder);
  for (const e of edits) e(files);
  const inputs: ManifestFileInput[] = Object.entries(files).map(([name, data]) => ({ name, data }));
  return validateManifest(inputs, { community: false });
}

interface Rejection {
  name: string;
  folder: string;
  edits: Edit[];
  message: string;
  file: string;
  field?: string;
}

const rejections: Rejection[] = [
  { name: 'key in the wrong case', folder: OBSIDIAN, edits: [edit('installer.yaml', 'InstallerType: nullsoft', 'installerType: nullsoft')], message: 'All field names should be PascalCased', file: 'Obsidian.Obsidian.installer.yaml', field: 'InstallerType' },
  { name: 'duplicate key', folder: OBSIDIAN, edits: [edit('installer.yaml', '  Scope: user\n', '  Scope: user\n  Scope: machine\n')], message: 'Duplicate field found in the manifest', file: 'Obsidian.Obsidian.installer.yaml', field: 'Installers[0].Scope' },
  { name: 'PackageVersion differs between files', folder: OBSIDIAN, edits: [edit('locale.en-US.yaml', 'PackageVersion: 1.11.7', 'PackageVersion: 1.11.8')], message: 'inconsistent field values. [PackageVersion]', file: 'Obsidian.Obsidian.locale.en-US.yaml', field: 'PackageVersion' },
  { name: 'DefaultLocale not matching the defaultLocale file', folder: OBSIDIAN, edits: [edit('Obsidian.Obsidian.yaml', 'DefaultLocale: en-US', 'DefaultLocale: en-GB')], message: 'DefaultLocale value in version manifest does not match', file: 'Obsidian.Obsidian.yaml', field: 'DefaultLocale' },
  { name: 'unknown architecture', folder: OBSIDIAN, edits: [edit('installer.yaml', '- Architecture: x86\n  Scope: user', '- Architecture: amd64\n  Scope: user')], message: 'Architecture', file: 'Obsidian.Obsidian.installer.yaml', field: 'Installers[0].Architecture' },
  { name: 'two installers with the same key', folder: OBSIDIAN, edits: [edit('installer.yaml', '- Architecture: x64\n  Scope: user', '- Architecture: x86\n  Scope: user')], message: 'Duplicate installer entry found.', file: 'Obsidian.Obsidian.installer.yaml' },
  { name: 'installer URL that is no URL', folder: AZURE, edits: [edit('installer.yaml', 'https://azcliprod.blob.core.windows.net/msi/azure-cli-2.60.0.msi', 'NotAUrl')], message: 'InstallerUrl', file: 'Microsoft.AzureCLI.installer.yaml', field: 'Installers[0].InstallerUrl' },
  { name: 'hash of the wrong length', folder: AZURE, edits: [edit('installer.yaml', '78BEB31DF2184EB2ABA7DE3C6C7245A4A761F1DB6D846AF883C1DFBB995A8CB0', '78BEB31DF2184EB2')], message: 'InstallerSha256', file: 'Microsoft.AzureCLI.installer.yaml', field: 'Installers[0].InstallerSha256' },
  { name: 'ManifestVersion 2', folder: OBSIDIAN, edits: [edit('Obsidian.Obsidian.yaml', 'ManifestVersion: 1.12.0', 'ManifestVersion: 2.0.0')], message: 'Unsupported ManifestVersion', file: 'Obsidian.Obsidian.yaml', field: 'ManifestVersion' },
  { name: 'control character from an escape', folder: OBSIDIAN, edits: [edit('locale.en-US.yaml', /ShortDescription: .*/, 'ShortDescription: "bell \\x07 here"')], message: 'control character', file: 'Obsidian.Obsidian.locale.en-US.yaml' },
  { name: 'both allowed and excluded markets', folder: AZURE, edits: [edit('installer.yaml', 'Scope: machine\n', 'Scope: machine\nMarkets:\n  AllowedMarkets:\n  - US\n  ExcludedMarkets:\n  - FR\n')], message: 'Both AllowedMarkets and ExcludedMarkets defined.', file: 'Microsoft.AzureCLI.installer.yaml' },
  { name: 'archive without a nested installer type', folder: FZF, edits: [edit('installer.yaml', 'NestedInstallerType: portable\n', '')], message: 'Required field missing. [NestedInstallerType]', file: 'junegunn.fzf.installer.yaml' },
  { name: 'portable nested file that is not an exe', folder: FZF, edits: [edit('installer.yaml', 'RelativeFilePath: fzf.exe', 'RelativeFilePath: fzf.bat')], message: 'The file type of the referenced file is not allowed.', file: 'junegunn.fzf.installer.yaml' },
  { name: 'archive path escaping its folder', folder: FZF, edits: [edit('installer.yaml', 'RelativeFilePath: fzf.exe', 'RelativeFilePath: ../fzf.exe')], message: 'Relative file path must not point to a location outside of archive directory.', file: 'junegunn.fzf.installer.yaml' },
  { name: 'portable with two commands', folder: KUBECTL, edits: [edit('installer.yaml', /Commands:\n- kubectl\n/, 'Commands:\n- kubectl\n- kc\n')], message: 'Only zero or one value for Commands may be specified for InstallerType portable.', file: 'Kubernetes.kubectl.installer.yaml' },
  { name: 'invalid MSI switch', folder: AZURE, edits: [edit('installer.yaml', 'Scope: machine\n', 'Scope: machine\nInstallerSwitches:\n  Custom: /i\n')], message: 'Contains invalid MSI switches.', file: 'Microsoft.AzureCLI.installer.yaml' },
  { name: 'blocked MSI property', folder: AZURE, edits: [edit('installer.yaml', 'Scope: machine\n', 'Scope: machine\nInstallerSwitches:\n  Custom: TRANSFORMS=x.mst\n')], message: 'Contains a blocked MSI property. [TRANSFORMS]', file: 'Microsoft.AzureCLI.installer.yaml' },
  { name: 'locale that is no BCP-47 tag', folder: OBSIDIAN, edits: [edit('locale.zh-CN.yaml', 'PackageLocale: zh-CN', 'PackageLocale: zh_CN')], message: 'PackageLocale', file: 'Obsidian.Obsidian.locale.zh-CN.yaml', field: 'PackageLocale' },
  { name: 'a channel', folder: OBSIDIAN, edits: [edit('installer.yaml', 'InstallerType: nullsoft', 'Channel: beta\nInstallerType: nullsoft')], message: 'Field is not supported. [Channel]', file: 'Obsidian.Obsidian.installer.yaml' },
  { name: 'approximate version', folder: OBSIDIAN, edits: (['Obsidian.Obsidian.yaml', 'installer.yaml', 'locale.en-US.yaml', 'locale.zh-CN.yaml'] as const).map((f) => edit(f, 'PackageVersion: 1.11.7', "PackageVersion: '> 1.11.7'")), message: 'Approximate version not allowed.', file: 'Obsidian.Obsidian.yaml', field: 'PackageVersion' },
  { name: 'ManifestType in the wrong case', folder: OBSIDIAN, edits: [edit('installer.yaml', 'ManifestType: installer', 'ManifestType: Installer')], message: 'Unsupported ManifestType', file: 'Obsidian.Obsidian.installer.yaml', field: 'ManifestType' },
  { name: 'return code both success and expected', folder: AZURE, edits: [edit('installer.yaml', 'Scope: machine\n', 'Scope: machine\nInstallerSuccessCodes:\n- 3010\nExpectedReturnCodes:\n- InstallerReturnCode: 3010\n  ReturnResponse: rebootRequiredToFinish\n')], message: 'Duplicate installer return code found.', file: 'Microsoft.AzureCLI.installer.yaml' },
  { name: 'boolean that is not true/false', folder: AZURE, edits: [edit('installer.yaml', 'Scope: machine\n', 'Scope: machine\nInstallLocationRequired: yes\n')], message: 'Failed to process field. [InstallLocationRequired]', file: 'Microsoft.AzureCLI.installer.yaml', field: 'InstallLocationRequired' },
  { name: 'ProductCode on an msix installer', folder: AZURE, edits: [edit('installer.yaml', 'InstallerType: wix', 'InstallerType: msix'), edit('installer.yaml', / {2}AppsAndFeaturesEntries:\n {2}- DisplayName: Microsoft Azure CLI \(32-bit\)\n {4}UpgradeCode: '\{DFF82AF0-3F95-4AC9-8EFD-948604FDB028\}'\n/, '')], message: 'The specified installer type does not support ProductCode.', file: 'Microsoft.AzureCLI.installer.yaml' },
  { name: 'installer scope in the wrong case (schema enums are case-sensitive)', folder: AZURE, edits: [edit('installer.yaml', 'Scope: machine', 'Scope: Machine')], message: 'Scope', file: 'Microsoft.AzureCLI.installer.yaml', field: 'Scope' },
  { name: 'a missing installer file', folder: AZURE, edits: [(files) => { delete files['Microsoft.AzureCLI.installer.yaml']; }], message: 'The multi file manifest is incomplete', file: 'Microsoft.AzureCLI.yaml' },
];

describe('rejected like the winget client', () => {
  it.each(rejections)('$name', ({ folder, edits, message, file, field }) => {
    const result = run(folder, ...edits);
    expect(result.valid).toBe(false);
    const match = result.findings.find((f) => f.severity === 'error' && f.message.includes(message) && f.file === file);
    expect(match, `no error "${message}" in ${file}; got:\n${result.findings.map((f) => `${f.severity} ${f.file}:${f.line} ${f.field} ${f.message}`).join('\n')}`).toBeDefined();
    expect(match!.line).toBeGreaterThan(0);
    if (field !== undefined) expect(match!.field).toBe(field);
  });
});

describe('accepted like the winget client', () => {
  it('the published manifest as it is', () => {
    expect(run(OBSIDIAN).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('PackageVersion 1.10 stays the text "1.10" in every file', () => {
    const r = run(OBSIDIAN, ...(['Obsidian.Obsidian.yaml', 'installer.yaml', 'locale.en-US.yaml', 'locale.zh-CN.yaml'] as const).map((f) => edit(f, 'PackageVersion: 1.11.7', 'PackageVersion: 1.10')));
    expect(r.valid).toBe(true);
    expect(r.set?.version.PackageVersion).toBe('1.10');
  });
  it('an unknown key is a warning only', () => {
    const r = run(OBSIDIAN, edit('installer.yaml', 'InstallerType: nullsoft', 'InstallerType: nullsoft\nFavouriteColour: blue'));
    expect(r.valid).toBe(true);
    expect(r.findings.some((f) => f.severity === 'warning' && f.message.includes('Unknown field'))).toBe(true);
  });
  it('a missing schema header is a warning in validate mode', () => {
    const r = run(OBSIDIAN, edit('Obsidian.Obsidian.yaml', /# yaml-language-server.*\n/, ''));
    expect(r.valid).toBe(true);
    expect(r.findings.some((f) => f.severity === 'warning' && f.file === 'Obsidian.Obsidian.yaml')).toBe(true);
  });
  it('CRLF line ends and a UTF-8 BOM', () => {
    const files = load(OBSIDIAN);
    const inputs = Object.entries(files).map(([name, text]) => ({
      name,
      data: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.replace(/\n/g, '\r\n'))]),
    }));
    expect(validateManifest(inputs, { community: false }).valid).toBe(true);
  });
  it('UTF-16 LE with a BOM', () => {
    const files = load(OBSIDIAN);
    const inputs = Object.entries(files).map(([name, text]) => {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes[0] = 0xff;
      bytes[1] = 0xfe;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        bytes[2 + i * 2] = c & 0xff;
        bytes[3 + i * 2] = c >> 8;
      }
      return { name, data: bytes };
    });
    const r = validateManifest(inputs, { community: false });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.set?.defaultLocale.Copyright).toBe('Copyright © Dynalist Inc.');
  });
  it('an exe without silent switches passes with a warning', () => {
    const r = run(OBSIDIAN, edit('installer.yaml', 'InstallerType: nullsoft', 'InstallerType: exe'));
    expect(r.valid).toBe(true);
    expect(r.findings.some((f) => f.severity === 'warning' && f.message.includes('Silent and SilentWithProgress'))).toBe(true);
  });
});

describe('one report per problem', () => {
  it('a missing required installer field is listed once, at the installer, naming the field', () => {
    const r = run(AZURE, edit('installer.yaml', / {2}InstallerUrl: https:\/\/azcliprod\.blob\.core\.windows\.net\/msi\/azure-cli-2\.60\.0\.msi\n/, ''));
    const missing = r.findings.filter((f) => f.message.includes('Required field missing') && f.field === 'Installers[0].InstallerUrl');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', file: 'Microsoft.AzureCLI.installer.yaml', line: 10 });
  });

  it('a repeated structural root key is one "duplicate mapping key" error; a case variant is a duplicate field', () => {
    const repeated = run(OBSIDIAN, edit('installer.yaml', /^PackageVersion: (.*)$/m, 'PackageVersion: $1\nPackageVersion: $1'));
    const about = repeated.findings.filter((f) => f.file === 'Obsidian.Obsidian.installer.yaml' && f.field === 'PackageVersion');
    expect(about.map((f) => f.message)).toEqual([expect.stringContaining('duplicate mapping key: PackageVersion')]);
    const variant = run(OBSIDIAN, edit('installer.yaml', /^PackageVersion: (.*)$/m, 'packageVersion: $1\nPackageVersion: $1'));
    expect(variant.findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('All field names should be PascalCased. [packageVersion]'), expect.stringContaining('Duplicate field found in the manifest. [PackageVersion]')]),
    );
  });
});
