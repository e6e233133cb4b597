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

describe('locale-bcp47 for InstallerLocale (E3)', () => {
  it('flags a locale that is not a BCP-47 tag at the root key it is inherited from, once', () => {
    const found = rule(edit(AZ, AZI, 'InstallerLocale: en-US', 'InstallerLocale: en_US'), 'locale-bcp47');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 6, field: 'InstallerLocale' })]);
    expect(found[0]!.message).toContain('The locale value is not a well formed bcp47 language tag. [InstallerLocale] Value: en_US');
    expect(rule(AZ, 'locale-bcp47')).toEqual([]);
  });
});

describe('url-hash-mismatch (E14)', () => {
  it('errors when one URL has two different hashes (Full only)', () => {
    const files = edit(AZ, AZI, `InstallerUrl: ${URL1}`, `InstallerUrl: ${URL0}`);
    const found = rule(files, 'url-hash-mismatch');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 19, field: 'Installers[1].InstallerSha256' })]);
    expect(found[0]!.message).toContain('The values of InstallerSha256 do not match for all instances of the same InstallerUrl.');
    expect(rule(files, 'url-hash-mismatch', false)).toEqual([]);
  });

  it('warns when one hash is served from two URLs', () => {
    const found = rule(edit(AZ, AZI, `InstallerSha256: ${SHA1}`, `InstallerSha256: ${SHA0}`), 'url-hash-mismatch');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', line: 18, field: 'Installers[1].InstallerUrl' })]);
    expect(found[0]!.message).toContain('Multiple Installer URLs found with the same InstallerSha256.');
    expect(rule(AZ, 'url-hash-mismatch')).toEqual([]);
  });
});

describe('installer-url-invalid (E18)', () => {
  it('rejects text that is not a URL', () => {
    const found = rule(edit(AZ, AZI, `InstallerUrl: ${URL0}`, 'InstallerUrl: NotAUrl'), 'installer-url-invalid');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 11, field: 'Installers[0].InstallerUrl' })]);
    expect(found[0]!.message).toContain('Invalid field value. [InstallerUrl] Value: NotAUrl');
    expect(rule(AZ, 'installer-url-invalid')).toEqual([]);
  });
});

describe('markets-both-lists (E19)', () => {
  it('rejects AllowedMarkets together with ExcludedMarkets', () => {
    const found = rule(atFirstInstaller('  Markets:\n    AllowedMarkets: [US]\n    ExcludedMarkets: [CA]\n'), 'markets-both-lists');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 13, field: 'Installers[0].Markets' })]);
    expect(found[0]!.message).toContain('Both AllowedMarkets and ExcludedMarkets defined.');
    expect(rule(atFirstInstaller('  Markets:\n    AllowedMarkets: [US]\n'), 'markets-both-lists')).toEqual([]);
  });
});

describe('return-code-duplicate (E20)', () => {
  it('rejects a code listed both as success and as expected return code', () => {
    const files = atFirstInstaller('  InstallerSuccessCodes: [3010]\n  ExpectedReturnCodes:\n  - InstallerReturnCode: 3010\n    ReturnResponse: rebootRequiredToFinish\n');
    const found = rule(files, 'return-code-duplicate');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 15, field: 'Installers[0].ExpectedReturnCodes[0].InstallerReturnCode' })]);
    expect(found[0]!.message).toContain('Duplicate installer return code found.');
  });

  it('compares codes as 32-bit values: -1 and 0xFFFFFFFF are the same code', () => {
    const files = atFirstInstaller('  InstallerSuccessCodes: [-1]\n  ExpectedReturnCodes:\n  - InstallerReturnCode: 0xFFFFFFFF\n    ReturnResponse: custom\n');
    expect(rule(files, 'return-code-duplicate')).toHaveLength(1);
    const distinct = atFirstInstaller('  InstallerSuccessCodes: [1]\n  ExpectedReturnCodes:\n  - InstallerReturnCode: 1641\n    ReturnResponse: rebootInitiated\n');
    expect(rule(distinct, 'return-code-duplicate')).toEqual([]);
  });
});

describe('display-version-invalid (E21)', () => {
  it('rejects an approximate DisplayVersion in AppsAndFeaturesEntries', () => {
    const files = edit(AZ, AZI, '  - DisplayName: Microsoft Azure CLI (32-bit)\n', '  - DisplayName: Microsoft Azure CLI (32-bit)\n    DisplayVersion: < 2.60\n');
    const found = rule(files, 'display-version-invalid');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 16, field: 'Installers[0].AppsAndFeaturesEntries[0].DisplayVersion' })]);
    expect(found[0]!.message).toContain('Approximate version not allowed. [DisplayVersion]');
    const exact = edit(AZ, AZI, '  - DisplayName: Microsoft Azure CLI (32-bit)\n', '  - DisplayName: Microsoft Azure CLI (32-bit)\n    DisplayVersion: 2.60.0\n');
    expect(rule(exact, 'display-version-invalid')).toEqual([]);
  });
});

describe('authentication-not-allowed (E22)', () => {
  const KUBE = example('k/Kubernetes/kubectl/1.33.1');
  const KI = 'Kubernetes.kubectl.installer.yaml';
  const withAuth = (auth: string): Record<string, string> => edit(KUBE, KI, 'Installers:\n', `${auth}Installers:\n`);

  it('rejects authentication under Full, and an Entra ID type without Resource in any mode', () => {
    const files = withAuth('Authentication:\n  AuthenticationType: microsoftEntraId\n');
    const found = rule(files, 'authentication-not-allowed');
    expect(found.map((f) => [f.severity, f.line, f.field])).toEqual([['error', 9, 'Authentication'], ['error', 9, 'Authentication']]);
    expect(found[0]!.message).toContain('Field is not supported. [Authentication]');
    expect(found[1]!.message).toContain('Invalid field value. [Authentication]');
    const complete = withAuth('Authentication:\n  AuthenticationType: microsoftEntraId\n  MicrosoftEntraIdAuthenticationInfo:\n    Resource: api://x\n');
    expect(rule(complete, 'authentication-not-allowed', false)).toEqual([]);
    expect(rule(withAuth('Authentication:\n  AuthenticationType: none\n'), 'authentication-not-allowed')).toEqual([]);
  });
});

describe('windows-feature-invalid (E23)', () => {
  it('rejects feature names with characters other than letters, digits, - and _', () => {
    const files = atFirstInstaller('  Dependencies:\n    WindowsFeatures:\n    - NetFx3\n    - Bad Name!\n');
    const found = rule(files, 'windows-feature-invalid');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 16, field: 'Installers[0].Dependencies.WindowsFeatures[1]' })]);
    expect(found[0]!.message).toContain('The provided value is not a valid Windows feature name. [Bad Name!]');
    expect(rule(atFirstInstaller('  Dependencies:\n    WindowsFeatures:\n    - Microsoft-Windows-Subsystem-Linux\n'), 'windows-feature-invalid')).toEqual([]);
  });
});
