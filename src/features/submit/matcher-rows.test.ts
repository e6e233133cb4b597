import { describe, expect, it } from 'vitest';
import type { Installer } from '../../core/schema';
import { effectiveMapping, rowsFromDraft, withUrl } from './matcher-rows';

const previous = [
  { Architecture: 'x86', InstallerType: 'wix', InstallerUrl: 'https://e.x/a-1.0.msi' },
  { Architecture: 'x64', InstallerType: 'wix', InstallerUrl: 'https://e.x/a-1.0-x64.msi' },
] as unknown as Installer[];

describe('matcher rows', () => {
  it('start as the draft installers, each continuing the previous installer with its URL', () => {
    const rows = rowsFromDraft(previous);
    expect(rows.map((r) => [r.url, r.architecture, r.family, r.source])).toEqual([
      ['https://e.x/a-1.0.msi', 'x86', 'msi', 0],
      ['https://e.x/a-1.0-x64.msi', 'x64', 'msi', 1],
    ]);
    expect(effectiveMapping(rows, previous)).toEqual([0, 1]);
  });

  it('rematch a changed URL by what its file name says, and honour the user’s choice', () => {
    const rows = rowsFromDraft(previous);
    const changed = [withUrl(rows[0]!, 'https://e.x/a-2.0-x64.msi'), withUrl(rows[1]!, 'https://e.x/a-2.0-arm64.msi')];
    expect(changed[0]!.source).toBeUndefined();
    expect(effectiveMapping(changed, previous)).toEqual([1, undefined]);
    expect(effectiveMapping([changed[0]!, { ...changed[1]!, choice: 0 }], previous)).toEqual([1, 0]);
    expect(effectiveMapping([{ ...changed[0]!, choice: 'none' }], previous)).toEqual([undefined]);
  });
});
