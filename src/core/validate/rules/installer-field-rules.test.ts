import { describe, expect, it } from 'vitest';
import { edit } from './test-kit';
import { example, ruleFindings as rule } from '../../../../test/rule-fixtures';

const AZ = example('m/Microsoft/AzureCLI/2.60.0');
const AZI = 'Microsoft.AzureCLI.installer.yaml';
const URL0 = 'https://azcliprod.blob.core.windows.net/msi/azure-cli-2.60.0.msi';
const URL1 = 'https://azcliprod.blob.core.windows.net/msi/azure-cli-2.60.0-x64.msi';
const SHA0 = '78BEB31DF2184EB2ABA7DE3C6C7245A4A761F1DB6D846AF883C1DFBB995A8CB0';
const SHA1 = 'D7454D07FE945697E07804EB452581CABE2A5D5A177957E76DC08C1A928C1255';
const atFirstInstaller = (text: string): Record<string, string> =>
  edit(AZ, AZI, `  InstallerSha256: ${SHA0}\n`, `  InstallerSha256: ${SHA0}\n${text}`);

describe('semantic/bcp47 for InstallerLocale (E3)', () => {
  it('flags a locale that is not a BCP-47 tag at the root key it is inherited from, once', () => {
    const found = rule(edit(AZ, AZI, 'InstallerLocale: en-US', 'InstallerLocale: en_US'), 'semantic/bcp47');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 6, field: 'InstallerLocale' })]);
    expect(found[0]!.message).toContain('The locale value is not a well formed bcp47 language tag. [InstallerLocale] Value: en_US');
    expect(rule(AZ, 'semantic/bcp47')).toEqual([]);
  });
});

describe('semantic/url-hash-consistency (E14)', () => {
  it('errors when one URL has two different hashes (Full only)', () => {
    const files = edit(AZ, AZI, `InstallerUrl: ${URL1}`, `InstallerUrl: ${URL0}`);
    const found = rule(files, 'semantic/url-hash-consistency');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 19, field: 'Installers[1].InstallerSha256' })]);
    expect(found[0]!.message).toContain('The values of InstallerSha256 do not match for all instances of the same InstallerUrl.');
    expect(rule(files, 'semantic/url-hash-consistency', false)).toEqual([]);
  });

  it('warns when one hash is served from two URLs', () => {
    const found = rule(edit(AZ, AZI, `InstallerSha256: ${SHA1}`, `InstallerSha256: ${SHA0}`), 'semantic/url-hash-consistency');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', line: 18, field: 'Installers[1].InstallerUrl' })]);
    expect(found[0]!.message).toContain('Multiple Installer URLs found with the same InstallerSha256.');
    expect(rule(AZ, 'semantic/url-hash-consistency')).toEqual([]);
  });
});

describe('semantic/installer-url (E18)', () => {
  it('rejects text that is not a URL', () => {
    const found = rule(edit(AZ, AZI, `InstallerUrl: ${URL0}`, 'InstallerUrl: NotAUrl'), 'semantic/installer-url');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 11, field: 'Installers[0].InstallerUrl' })]);
    expect(found[0]!.message).toContain('Invalid field value. [InstallerUrl] Value: NotAUrl');
    expect(rule(AZ, 'semantic/installer-url')).toEqual([]);
  });
});

describe('semantic/markets (E19)', () => {
  it('rejects AllowedMarkets together with ExcludedMarkets', () => {
    const found = rule(atFirstInstaller('  Markets:\n    AllowedMarkets: [US]\n    ExcludedMarkets: [CA]\n'), 'semantic/markets');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 13, field: 'Installers[0].Markets' })]);
    expect(found[0]!.message).toContain('Both AllowedMarkets and ExcludedMarkets defined.');
    expect(rule(atFirstInstaller('  Markets:\n    AllowedMarkets: [US]\n'), 'semantic/markets')).toEqual([]);
  });
});

describe('semantic/duplicate-return-code (E20)', () => {
  it('rejects a code listed both as success and as expected return code', () => {
    const files = atFirstInstaller('  InstallerSuccessCodes: [3010]\n  ExpectedReturnCodes:\n  - InstallerReturnCode: 3010\n    ReturnResponse: rebootRequiredToFinish\n');
    const found = rule(files, 'semantic/duplicate-return-code');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 15, field: 'Installers[0].ExpectedReturnCodes[0].InstallerReturnCode' })]);
    expect(found[0]!.message).toContain('Duplicate installer return code found.');
  });

  it('compares codes as 32-bit values: -1 and 0xFFFFFFFF are the same code', () => {
    const files = atFirstInstaller('  InstallerSuccessCodes: [-1]\n  ExpectedReturnCodes:\n  - InstallerReturnCode: 0xFFFFFFFF\n    ReturnResponse: custom\n');
    expect(rule(files, 'semantic/duplicate-return-code')).toHaveLength(1);
    const distinct = atFirstInstaller('  InstallerSuccessCodes: [1]\n  ExpectedReturnCodes:\n  - InstallerReturnCode: 1641\n    ReturnResponse: rebootInitiated\n');
    expect(rule(distinct, 'semantic/duplicate-return-code')).toEqual([]);
  });
});

describe('semantic/display-version (E21)', () => {
  it('rejects an approximate DisplayVersion in AppsAndFeaturesEntries', () => {
    const files = edit(AZ, AZI, '  - DisplayName: Microsoft Azure CLI (32-bit)\n', '  - DisplayName: Microsoft Azure CLI (32-bit)\n    DisplayVersion: < 2.60\n');
    const found = rule(files, 'semantic/display-version');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 16, field: 'Installers[0].AppsAndFeaturesEntries[0].DisplayVersion' })]);
    expect(found[0]!.message).toContain('Approximate version not allowed. [DisplayVersion]');
    const exact = edit(AZ, AZI, '  - DisplayName: Microsoft Azure CLI (32-bit)\n', '  - DisplayName: Microsoft Azure CLI (32-bit)\n    DisplayVersion: 2.60.0\n');
    expect(rule(exact, 'semantic/display-version')).toEqual([]);
  });
});

describe('semantic/authentication (E22)', () => {
  const KUBE = example('k/Kubernetes/kubectl/1.33.1');
  const KI = 'Kubernetes.kubectl.installer.yaml';
  const withAuth = (auth: string): Record<string, string> => edit(KUBE, KI, 'Installers:\n', `${auth}Installers:\n`);

  it('rejects authentication under Full, and an Entra ID type without Resource in any mode', () => {
    const files = withAuth('Authentication:\n  AuthenticationType: microsoftEntraId\n');
    const found = rule(files, 'semantic/authentication');
    expect(found.map((f) => [f.severity, f.line, f.field])).toEqual([['error', 9, 'Authentication'], ['error', 9, 'Authentication']]);
    expect(found[0]!.message).toContain('Field is not supported. [Authentication]');
    expect(found[1]!.message).toContain('Invalid field value. [Authentication]');
    const complete = withAuth('Authentication:\n  AuthenticationType: microsoftEntraId\n  MicrosoftEntraIdAuthenticationInfo:\n    Resource: api://x\n');
    expect(rule(complete, 'semantic/authentication', false)).toEqual([]);
    expect(rule(withAuth('Authentication:\n  AuthenticationType: none\n'), 'semantic/authentication')).toEqual([]);
  });
});

describe('semantic/windows-feature (E23)', () => {
  it('rejects feature names with characters other than letters, digits, - and _', () => {
    const files = atFirstInstaller('  Dependencies:\n    WindowsFeatures:\n    - NetFx3\n    - Bad Name!\n');
    const found = rule(files, 'semantic/windows-feature');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 16, field: 'Installers[0].Dependencies.WindowsFeatures[1]' })]);
    expect(found[0]!.message).toContain('The provided value is not a valid Windows feature name. [Bad Name!]');
    expect(rule(atFirstInstaller('  Dependencies:\n    WindowsFeatures:\n    - Microsoft-Windows-Subsystem-Linux\n'), 'semantic/windows-feature')).toEqual([]);
  });
});
