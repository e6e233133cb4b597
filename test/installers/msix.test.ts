import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyseInstaller } from '../../src/installers/analyse';
import type { InstallerAnalysis, Suggestion } from '../../src/installers/analyse/types';
import { bytesSource } from './file-source';
import { buildBundle, buildMsix, SIGNATURE_BYTES } from './msix-fixtures';

const value = (list: Suggestion[], field: string) => list.find((s) => s.field === field)?.value;
const signature = createHash('sha256').update(SIGNATURE_BYTES).digest('hex').toUpperCase();
const analyse = (bytes: Uint8Array, name: string): Promise<InstallerAnalysis> => analyseInstaller(bytesSource(bytes), name);

describe('MSIX package', () => {
  it('reads identity, family name, signature hash and device family', async () => {
    const a = await analyse(buildMsix(), 'Sample.msix');
    expect(a.error).toBeUndefined();
    expect(a.kind).toBe('msix');
    const s = a.suggestions;
    expect(value(s, 'InstallerType')).toBe('msix');
    expect(value(s, 'Architecture')).toBe('x64');
    expect(value(s, 'PackageFamilyName')).toBe('Wingsmith.Sample_8wekyb3d8bbwe');
    expect(value(s, 'SignatureSha256')).toBe(signature);
    expect(value(s, 'MinimumOSVersion')).toBe('10.0.17763.0');
    expect(value(s, 'Platform')).toEqual(['Windows.Desktop']);
    expect(value(s, 'PackageVersion')).toBe('1.4.0.0');
    expect(value(s, 'Publisher')).toBe('Wingsmith & Co');
    expect(value(s, 'PackageName')).toBe('Wingsmith Sample App');
    expect(s.find((x) => x.field === 'SignatureSha256')?.source).toBe('from AppxSignature.p7x');
  });

  it('takes the lowest MinVersion of the supported device families', async () => {
    const families = [
      { name: 'Windows.Desktop', min: '10.0.19041.0' },
      { name: 'Windows.Universal', min: '10.0.10240.0' },
      { name: 'Windows.Xbox', min: '10.0.1.0' },
    ];
    const a = await analyse(buildMsix({ families }), 'Sample.msix');
    expect(value(a.suggestions, 'MinimumOSVersion')).toBe('10.0.10240.0');
    expect(value(a.suggestions, 'Platform')).toEqual(['Windows.Desktop', 'Windows.Universal']);
  });

  it('says when the package is unsigned', async () => {
    const a = await analyse(buildMsix({ signed: false }), 'Sample.msix');
    expect(a.error).toBeUndefined();
    expect(value(a.suggestions, 'SignatureSha256')).toBeUndefined();
    expect(a.notes.join(' ')).toMatch(/Unsigned package/);
  });

  it('calls an .appx an appx, whatever the bytes', async () => {
    const a = await analyse(buildMsix(), 'Sample.appx');
    expect(a.kind).toBe('appx');
    expect(value(a.suggestions, 'InstallerType')).toBe('appx');
  });

  it('decodes entities in the Publisher before hashing it', async () => {
    const a = await analyse(buildMsix({ publisher: 'CN=A & B' }), 'Sample.msix');
    const b = await analyse(buildMsix({ publisher: 'CN=A &amp; B' }), 'Sample.msix');
    expect(value(a.suggestions, 'PackageFamilyName')).not.toBe(value(b.suggestions, 'PackageFamilyName'));
  });
});

describe('MSIX bundle', () => {
  it.each([true, false])('gives one variant per architecture (families inline: %s)', async (inlineFamilies) => {
    const a = await analyse(buildBundle({ inlineFamilies }), 'Sample.msixbundle');
    expect(a.error).toBeUndefined();
    expect(a.kind).toBe('msixbundle');
    expect(value(a.suggestions, 'PackageFamilyName')).toBe('Wingsmith.Sample_8wekyb3d8bbwe');
    expect(value(a.suggestions, 'SignatureSha256')).toBe(signature);
    expect(a.variants?.map((v) => v.label)).toEqual(['x64', 'arm64']);
    const [x64, arm64] = a.variants ?? [];
    expect(value(x64?.suggestions ?? [], 'Architecture')).toBe('x64');
    expect(value(x64?.suggestions ?? [], 'InstallerType')).toBe('msix');
    expect(value(x64?.suggestions ?? [], 'PackageFamilyName')).toBe('Wingsmith.Sample_8wekyb3d8bbwe');
    expect(value(x64?.suggestions ?? [], 'MinimumOSVersion')).toBe('10.0.19041.0');
    expect(value(arm64?.suggestions ?? [], 'Architecture')).toBe('arm64');
    expect(value(arm64?.suggestions ?? [], 'MinimumOSVersion')).toBe(inlineFamilies ? '10.0.22000.0' : '10.0.20348.0');
  });
});
