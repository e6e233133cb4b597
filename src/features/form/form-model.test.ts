import { describe, expect, it } from 'vitest';
import { fieldTree } from '../../core/schema';
import { findingPath, findingPathToName, fromFormValue, nameToSegments, nodeAt, setIn, toFormValue } from './form-model';

const installer = fieldTree('installer', '1.12.0');

describe('form values', () => {
  it('turn a model into text fields and back without losing anything', () => {
    const model = {
      PackageIdentifier: 'Contoso.Widget',
      InstallerType: 'nullsoft',
      InstallModes: ['silent'],
      InstallerSuccessCodes: [3010, -1],
      InstallerAbortsTerminal: true,
      InstallerSwitches: { Silent: '/S' },
      Installers: [{ Architecture: 'x64', InstallerUrl: 'https://x/y.exe', ExpectedReturnCodes: [{ InstallerReturnCode: 5, ReturnResponse: 'packageInUse' }] }],
      SomethingUnknown: { kept: 1 },
      ManifestType: 'installer',
      ManifestVersion: '1.12.0',
    };
    const form = toFormValue(installer, model) as Record<string, unknown>;
    expect(form.InstallerSuccessCodes).toEqual(['3010', '-1']);
    expect(form.InstallerAbortsTerminal).toBe('true');
    expect(form.Scope).toBe('');
    expect(fromFormValue(installer, form)).toEqual(model);
  });

  it('keep text that does not convert, so validation can point at it', () => {
    const codes = nodeAt(installer, ['InstallerSuccessCodes'])!;
    expect(fromFormValue(codes, ['12', '12a', ''])).toEqual([12, '12a']);
    const flag = nodeAt(installer, ['InstallerAbortsTerminal'])!;
    expect(fromFormValue(flag, 'false')).toBe(false);
    expect(fromFormValue(flag, '')).toBeUndefined();
  });

  it('keep an empty row (a just-added installer) but drop empty mappings', () => {
    const list = nodeAt(installer, ['Installers'])!;
    expect(fromFormValue(list, [toFormValue(nodeAt(installer, ['Installers', 0])!, undefined)])).toEqual([{}]);
    expect(fromFormValue(nodeAt(installer, ['InstallerSwitches'])!, { Silent: '' })).toBeUndefined();
  });
});

describe('paths', () => {
  it('convert between react-hook-form names and finding paths', () => {
    expect(nameToSegments('Installers.1.InstallerUrl')).toEqual(['Installers', 1, 'InstallerUrl']);
    expect(findingPath(['Installers', 1, 'InstallerSwitches', 'Silent'])).toBe('Installers[1].InstallerSwitches.Silent');
    expect(findingPathToName('Installers[1].ExpectedReturnCodes[0].ReturnResponse')).toBe('Installers.1.ExpectedReturnCodes.0.ReturnResponse');
  });

  it('setIn copies only the branch it changes and prunes what it empties', () => {
    const set = { version: { a: 1 }, installer: { InstallerSwitches: { Silent: '/S' }, Installers: [{ X: 1 }, { Y: 2 }] } };
    const next = setIn(set, ['installer', 'Installers', 1, 'Y'], 3);
    expect(next.version).toBe(set.version);
    expect(next.installer.Installers[0]).toBe(set.installer.Installers[0]);
    expect(next.installer.Installers[1]).toEqual({ Y: 3 });
    expect(set.installer.Installers[1]).toEqual({ Y: 2 });
    const pruned = setIn(set, ['installer', 'InstallerSwitches', 'Silent'], undefined);
    expect(pruned.installer).not.toHaveProperty('InstallerSwitches');
  });
});
