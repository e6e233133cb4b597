import { describe, expect, it } from 'vitest';
import { edit } from './test-kit';
import { example, ruleFindings as rule } from '../../../../test/rule-fixtures';

const KUBE = example('k/Kubernetes/kubectl/1.33.1');
const KI = 'Kubernetes.kubectl.installer.yaml';
const NEOVIM = example('n/Neovim/Neovim/0.8.0');
const NL = 'Neovim.Neovim.locale.en-US.yaml';

describe('channel-not-supported (E1)', () => {
  it('rejects a Channel value', () => {
    const found = rule(edit(KUBE, KI, 'InstallerType: portable', 'Channel: beta\nInstallerType: portable'), 'channel-not-supported');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: KI, line: 6, field: 'Channel' })]);
    expect(found[0]!.message).toContain('Field is not supported. [Channel]');
    expect(rule(KUBE, 'channel-not-supported')).toEqual([]);
  });
});

describe('package-version-invalid (E2)', () => {
  it('rejects an approximate PackageVersion in the version file', () => {
    const found = rule(edit(NEOVIM, 'Neovim.Neovim.yaml', 'PackageVersion: 0.8.0', 'PackageVersion: < 0.8.0'), 'package-version-invalid');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: 'Neovim.Neovim.yaml', line: 5, field: 'PackageVersion' })]);
    expect(found[0]!.message).toContain('Approximate version not allowed. [PackageVersion]');
    expect(rule(NEOVIM, 'package-version-invalid')).toEqual([]);
  });
});

describe('locale-bcp47 for PackageLocale (E3)', () => {
  const bad = edit(KUBE, 'Kubernetes.kubectl.locale.zh-CN.yaml', 'PackageLocale: zh-CN', 'PackageLocale: zh_CN');

  it('flags a malformed PackageLocale in the locale file that holds it', () => {
    const found = rule(bad, 'locale-bcp47');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: 'Kubernetes.kubectl.locale.zh-CN.yaml', line: 6, field: 'PackageLocale' })]);
    expect(found[0]!.message).toContain('The locale value is not a well formed bcp47 language tag. [PackageLocale] Value: zh_CN');
    expect(rule(KUBE, 'locale-bcp47')).toEqual([]);
  });

  it('only warns without Full', () => {
    expect(rule(bad, 'locale-bcp47', false).map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('agreement-empty (E4)', () => {
  it('rejects an agreement with no label, text or URL', () => {
    const files = edit(NEOVIM, NL, '# Agreements:\n', 'Agreements:\n- AgreementLabel: License\n  AgreementUrl: https://neovim.io/license\n- AgreementLabel: ""\n');
    const found = rule(files, 'agreement-empty');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: NL, line: 30, field: 'Agreements[1]' })]);
    expect(found[0]!.message).toContain('Invalid field value. [Agreements]');
    expect(rule(edit(NEOVIM, NL, '# Agreements:\n', 'Agreements:\n- Agreement: Be nice.\n'), 'agreement-empty')).toEqual([]);
  });
});

describe('dsc-powershell-not-allowed (E24)', () => {
  const v128 = edit(KUBE, 'Kubernetes.kubectl.yaml', 'ManifestVersion: 1.10.0', 'ManifestVersion: 1.28.0');
  const dsc = (body: string): Record<string, string> => edit(v128, KI, 'Installers:\n', `DesiredStateConfiguration:\n${body}Installers:\n`);

  it('rejects PowerShell DSC resources under Full', () => {
    const files = dsc('  PowerShell:\n  - RepositoryUrl: https://www.powershellgallery.com/api/v2\n    ModuleName: KubeDsc\n    Resources:\n    - Name: Cluster\n');
    const found = rule(files, 'dsc-powershell-not-allowed');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: KI, line: 10, field: 'DesiredStateConfiguration.PowerShell' })]);
    expect(found[0]!.message).toContain('Field is not supported. [DesiredStateConfiguration.PowerShell]');
    expect(rule(files, 'dsc-powershell-not-allowed', false)).toEqual([]);
  });

  it('accepts DSCv3', () => {
    expect(rule(dsc('  DSCv3:\n    Resources:\n    - Type: Kube/Cluster\n'), 'dsc-powershell-not-allowed')).toEqual([]);
  });
});
