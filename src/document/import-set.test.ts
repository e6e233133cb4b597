import { describe, expect, it } from 'vitest';
import { singleton } from '../../test/bad-input/base';
import { importManifestFiles } from './import-set';
import { validatorReady } from './validator';

/* A singleton (or any file not kept as written) is rewritten canonically on import: what that drops is said. */

describe('importManifestFiles on files it rewrites', () => {
  it('names the repeated key and the unknown field the rewrite dropped, with their original lines', async () => {
    await validatorReady;
    const text = singleton({ extra: 'Colour: blue\n' }).replace('PackageName: Contoso Tool\n', 'PackageName: Contoso Tool\nPackageName: Other Name\n');
    const result = importManifestFiles([{ name: 'Contoso.Tool.yaml', data: text }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.set.defaultLocale.PackageName).toBe('Contoso Tool');
    expect(result.document.notices).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'document-import-rewritten', file: 'Contoso.Tool.yaml', field: 'PackageName', message: expect.stringMatching(/^Not kept when the imported Contoso\.Tool\.yaml was rewritten \(its line 7\): Duplicate field/) }),
      expect.objectContaining({ field: 'Colour', message: expect.stringContaining('(its line 10): Unknown field. [Colour]') }),
    ]);
  });

  it('names a few of many dropped fields and counts the rest', async () => {
    await validatorReady;
    const keys = Array.from({ length: 100 }, (_, i) => `Key${i}: x\n`).join('');
    const result = importManifestFiles([{ name: 'Contoso.Tool.yaml', data: singleton({ extra: keys }) }]);
    expect(result.ok && result.document.notices.length).toBe(21);
    expect(result.ok && result.document.notices.at(-1)?.message).toBe('80 more repeated keys or unknown fields of the imported file were not kept either.');
  });

  it('refuses a file with no mapping at its root instead of importing an empty manifest', async () => {
    await validatorReady;
    for (const data of ['', 'just words\n', '- a\n']) {
      const result = importManifestFiles([{ name: 'x.yaml', data }]);
      expect(result).toMatchObject({ ok: false, findings: [expect.objectContaining({ rule: 'yaml-root', file: 'x.yaml', line: 1 })] });
    }
  });
});
