import { describe, expect, it } from 'vitest';
import { runSemanticRules } from './index';
import { contextFrom, edit } from './test-kit';
import { example, ruleFindings as rule } from '../../../../test/rule-fixtures';

const DISCORD = example('d/Discord/Discord/1.0.9003');
const DI = 'Discord.Discord.installer.yaml';
const WINSCP = example('w/WinSCP/WinSCP/6.3.5');
const WI = 'WinSCP.WinSCP.installer.yaml';
const MSI_PRODUCT_CODE = "  ProductCode: '{819533C9-2894-4224-A2A8-763058A9351C}'\n";
const msiCustom = (custom: string): Record<string, string> =>
  edit(WINSCP, WI, MSI_PRODUCT_CODE, `${MSI_PRODUCT_CODE}  InstallerSwitches:\n    Custom: ${custom}\n`);

describe('exe-silent-switches-missing (E15)', () => {
  it('warns when an exe installer lacks SilentWithProgress', () => {
    const found = rule(edit(DISCORD, DI, '    SilentWithProgress: /s\n', ''), 'exe-silent-switches-missing');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', file: DI, line: 18, field: 'Installers[0].InstallerSwitches' })]);
    expect(found[0]!.message).toContain('Silent and SilentWithProgress switches are not specified for InstallerType exe.');
    expect(rule(DISCORD, 'exe-silent-switches-missing')).toEqual([]);
  });

  it('merges root and installer switches key by key', () => {
    const split = edit(edit(DISCORD, DI, '    SilentWithProgress: /s\n', ''), DI, 'Installers:\n', 'InstallerSwitches:\n  SilentWithProgress: /s\nInstallers:\n');
    expect(rule(split, 'exe-silent-switches-missing')).toEqual([]);
  });
});

describe('msi-switches-invalid (E25)', () => {
  it('rejects switches msiexec would not accept', () => {
    const found = rule(msiCustom('/i foo.msi'), 'msi-switches-invalid');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: WI, line: 32, field: 'Installers[2].InstallerSwitches.Custom' })]);
    expect(found[0]!.message).toContain('Contains invalid MSI switches.');
  });

  it('rejects blocked properties in any letter case', () => {
    const found = rule(msiCustom('Transforms=custom.mst ALLUSERS=1'), 'msi-switches-invalid');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 32 })]);
    expect(found[0]!.message).toContain('Contains a blocked MSI property. [Transforms]');
  });

  it('accepts properties, quoted values, logging and the client defaults; only under Full', () => {
    expect(rule(msiCustom('ALLUSERS=1 INSTALLDIR="C:\\Program Files\\WinSCP" /l*v "install log.txt" /qb!-'), 'msi-switches-invalid')).toEqual([]);
    expect(rule(WINSCP, 'msi-switches-invalid')).toEqual([]);
    expect(rule(msiCustom('/i foo.msi'), 'msi-switches-invalid', false)).toEqual([]);
  });
});

describe('switch-network-address (E26)', () => {
  it('rejects a UNC path in a switch', () => {
    const found = rule(edit(DISCORD, DI, 'Silent: /s', 'Silent: /s /config=\\\\server\\share\\cfg.ini'), 'switch-network-address');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: DI, line: 19, field: 'Installers[0].InstallerSwitches.Silent' })]);
    expect(found[0]!.message).toContain('Installer switch contains network address. [Silent]');
  });

  it('warns about a URL in a switch, or errors when asked to', () => {
    const files = edit(DISCORD, DI, 'Silent: /s', 'Silent: /s /update=https://example.com/feed');
    expect(rule(files, 'switch-network-address').map((f) => f.severity)).toEqual(['warning']);
    const { ctx } = contextFrom(files);
    const strict = runSemanticRules({ ...ctx, errorOnNetworkAddress: true }).filter((f) => f.rule === 'switch-network-address');
    expect(strict.map((f) => f.severity)).toEqual(['error']);
    expect(rule(DISCORD, 'switch-network-address')).toEqual([]);
  });
});
