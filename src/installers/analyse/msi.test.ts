import { describe, expect, it } from 'vitest';
import { isWixBuilt, templateArchitecture } from './msi';

describe('templateArchitecture', () => {
  it.each([
    ['x64;1033', 'x64'],
    ['Intel;1033', 'x86'],
    ['Arm64;1033,1031', 'arm64'],
    ['AMD64;0', 'x64'],
    [';1033', 'x86'],
  ])('%s → %s', (template, arch) => expect(templateArchitecture(template)).toBe(arch));

  it('does not guess an unknown platform', () => expect(templateArchitecture('Intel64;1033')).toBeUndefined());
});

describe('isWixBuilt', () => {
  it('recognises the creating application of WiX 3 and WiX 4+', () => {
    expect(isWixBuilt('Windows Installer XML Toolset (3.11.2.4516)', [], new Map())).toBe(true);
    expect(isWixBuilt('WiX Toolset (4.0.1.0)', [], new Map())).toBe(true);
  });

  it('recognises WiX tables and WixUI properties', () => {
    expect(isWixBuilt(undefined, ['Property', 'WixFileHash'], new Map())).toBe(true);
    expect(isWixBuilt(undefined, [], new Map([['WixUI_Mode', 'InstallDir']]))).toBe(true);
  });

  it('leaves other MSIs as msi', () => {
    expect(isWixBuilt('msitools 0.101', ['Property'], new Map([['ALLUSERS', '1']]))).toBe(false);
  });
});
