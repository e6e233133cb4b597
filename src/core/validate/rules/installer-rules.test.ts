import { describe, expect, it } from 'vitest';
import { edit } from './test-kit';
import { example, ruleFindings as rule } from '../../../../test/rule-fixtures';

const AZ = example('m/Microsoft/AzureCLI/2.60.0');
const AZI = 'Microsoft.AzureCLI.installer.yaml';

describe('installer-duplicate (E5)', () => {
  it('reports the second installer with the same type, architecture, locale and scope, once', () => {
    const files = edit(AZ, AZI, '- Architecture: x64', '- Architecture: x86');
    const found = rule(files, 'installer-duplicate');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: AZI, line: 17, column: 3, field: 'Installers[1]' });
    expect(found[0]!.message).toContain('Duplicate installer entry found.');
  });

  it('treats a missing scope as matching any scope, and distinct scopes as distinct', () => {
    const noRootScope = edit(edit(AZ, AZI, 'Scope: machine\n', ''), AZI, '- Architecture: x64', '- Architecture: x86\n  Scope: user');
    expect(rule(noRootScope, 'installer-duplicate')).toHaveLength(1);
    const scoped = edit(edit(AZ, AZI, 'Scope: machine\n', ''), AZI, '- Architecture: x64', '- Architecture: x86\n  Scope: user');
    const both = edit(scoped, AZI, '- Architecture: x86\n  InstallerUrl', '- Architecture: x86\n  Scope: machine\n  InstallerUrl');
    expect(rule(both, 'installer-duplicate')).toEqual([]);
    expect(rule(AZ, 'installer-duplicate')).toEqual([]);
  });
});

describe('architecture-invalid (E6)', () => {
  it('flags an unrecognised architecture at the installer key', () => {
    const found = rule(edit(AZ, AZI, '- Architecture: x64', '- Architecture: x65'), 'architecture-invalid');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 17, field: 'Installers[1].Architecture' })]);
    expect(found[0]!.message).toContain('Invalid field value. [Architecture]');
    expect(rule(AZ, 'architecture-invalid')).toEqual([]);
  });
});

describe('installer-type-required (E7)', () => {
  it('points at the root key once when every installer inherits an unknown type', () => {
    const found = rule(edit(AZ, AZI, 'InstallerType: wix', 'InstallerType: wixx'), 'installer-type-required');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 7, column: 1, field: 'InstallerType' })]);
    expect(found[0]!.message).toContain('Invalid field value. [InstallerType]');
  });

  it('treats a zip without NestedInstallerType as an unknown type, and appx as msix', () => {
    const fzf = example('j/junegunn/fzf/0.56.3');
    const found = rule(edit(fzf, 'junegunn.fzf.installer.yaml', 'NestedInstallerType: portable\n', ''), 'installer-type-required');
    expect(found[0]).toMatchObject({ file: 'junegunn.fzf.installer.yaml', line: 12, field: 'Installers[0].NestedInstallerType' });
    expect(rule(fzf, 'installer-type-required')).toEqual([]);
    expect(rule(edit(AZ, AZI, 'InstallerType: wix', 'InstallerType: APPX'), 'installer-type-required')).toEqual([]);
  });
});

describe('upgrade-behavior-invalid (E8)', () => {
  it('flags an unrecognised UpgradeBehavior, accepting any letter case of known ones', () => {
    const found = rule(edit(AZ, AZI, 'Scope: machine\n', 'Scope: machine\nUpgradeBehavior: sometimes\n'), 'upgrade-behavior-invalid');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 9, field: 'UpgradeBehavior' })]);
    expect(found[0]!.message).toContain('Invalid field value. [UpgradeBehavior]');
    expect(rule(edit(AZ, AZI, 'Scope: machine\n', 'Scope: machine\nUpgradeBehavior: UninstallPrevious\n'), 'upgrade-behavior-invalid')).toEqual([]);
  });
});

describe('package-family-name-type (E9)', () => {
  it('warns about PackageFamilyName on an installer that is not msix', () => {
    const files = edit(AZ, AZI, "  ProductCode: '{A1BBC0CC", "  PackageFamilyName: Microsoft.AzureCLI_8wekyb3d8bbwe\n  ProductCode: '{A1BBC0CC");
    const found = rule(files, 'package-family-name-type');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', file: AZI, line: 13, field: 'Installers[0].PackageFamilyName' })]);
    expect(found[0]!.message).toContain('The specified installer type does not support PackageFamilyName. [InstallerType] Value: wix');
  });

  it('does not inherit a root PackageFamilyName into a wix installer, so nothing is reported', () => {
    const files = edit(AZ, AZI, 'Scope: machine\n', 'Scope: machine\nPackageFamilyName: Microsoft.AzureCLI_8wekyb3d8bbwe\n');
    expect(rule(files, 'package-family-name-type')).toEqual([]);
  });
});

describe('product-code-type (E10) and apps-and-features-type (E11)', () => {
  const msix = edit(AZ, AZI, 'InstallerType: wix', 'InstallerType: msix');

  it('flags ProductCode written on an msix installer', () => {
    const found = rule(msix, 'product-code-type');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ severity: 'error', file: AZI, line: 13, field: 'Installers[0].ProductCode' });
    expect(found[0]!.message).toContain('The specified installer type does not support ProductCode.');
    expect(rule(AZ, 'product-code-type')).toEqual([]);
  });

  it('flags AppsAndFeaturesEntries on an msix installer', () => {
    const found = rule(msix, 'apps-and-features-type');
    expect(found[1]).toMatchObject({ severity: 'error', file: AZI, line: 21, field: 'Installers[1].AppsAndFeaturesEntries' });
    expect(found[1]!.message).toContain('The specified installer type does not write to Apps and Features entry.');
    expect(rule(AZ, 'apps-and-features-type')).toEqual([]);
  });
});

describe('msstore-not-allowed (E12)', () => {
  const store = edit(AZ, AZI, 'InstallerType: wix', 'InstallerType: msstore');

  it('rejects msstore under Full and asks for the product id', () => {
    const found = rule(store, 'msstore-not-allowed');
    expect(found[0]).toMatchObject({ severity: 'error', file: AZI, line: 7, field: 'InstallerType' });
    expect(found[0]!.message).toContain('Field value is not supported. [InstallerType] Value: msstore');
    const missing = found.find((f) => f.message.includes('Required field missing. [ProductId]'));
    expect(missing).toMatchObject({ line: 10, field: 'Installers[0].MSStoreProductIdentifier' });
  });

  it('without Full only the missing product id is an error', () => {
    const found = rule(store, 'msstore-not-allowed', false);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('[ProductId]'), expect.stringContaining('[ProductId]')]);
    expect(rule(AZ, 'msstore-not-allowed')).toEqual([]);
  });
});

describe('download-fields-required (E13)', () => {
  it('asks for InstallerSha256 at the installer that lacks it', () => {
    const files = edit(AZ, AZI, '  InstallerSha256: D7454D07FE945697E07804EB452581CABE2A5D5A177957E76DC08C1A928C1255\n', '');
    const found = rule(files, 'download-fields-required');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: AZI, line: 17, column: 3, field: 'Installers[1].InstallerSha256' })]);
    expect(found[0]!.message).toContain('Required field missing. [InstallerSha256]');
  });

  it('rejects MSStoreProductIdentifier outside msstore', () => {
    const files = edit(AZ, AZI, 'Scope: machine\n', 'Scope: machine\nMSStoreProductIdentifier: 9NBLGGH4NNS1\n');
    const found = rule(files, 'download-fields-required');
    expect(found).toEqual([expect.objectContaining({ line: 9, field: 'MSStoreProductIdentifier' })]);
    expect(found[0]!.message).toContain('Field is not supported. [ProductId]');
    expect(rule(AZ, 'download-fields-required')).toEqual([]);
  });
});
