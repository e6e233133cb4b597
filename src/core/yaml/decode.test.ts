import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeManifestBytes } from './decode';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'winget-pkgs-examples', 'manifests');
const TEXT = 'PackageName: Überweisung © 2024 – 日本語\r\nTags:\r\n- café\r\n';

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

describe('decodeManifestBytes', () => {
  it('reads a real UTF-8 manifest with CJK text unchanged', () => {
    const path = join(EXAMPLES, 'k/Kubernetes/kubectl/1.33.1/Kubernetes.kubectl.locale.zh-CN.yaml');
    const result = decodeManifestBytes(readFileSync(path));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe(readFileSync(path, 'utf8'));
  });

  it('removes a UTF-8 BOM and says it was there', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect(decodeManifestBytes(bytes)).toEqual({ text: TEXT, encoding: 'utf-8-bom' });
  });

  it.each([
    ['utf-16le', false, true],
    ['utf-16le', false, false],
    ['utf-16be', true, true],
    ['utf-16be', true, false],
  ] as const)('reads %s (BOM: %s)', (encoding, bigEndian, bom) => {
    expect(decodeManifestBytes(utf16(TEXT, bigEndian, bom))).toEqual({ text: TEXT, encoding });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    // “Quoted” © 2024 €5 — as an ANSI editor on Windows saves it.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Description: '), 0x93, 0x51, 0x94, 0x20, 0xa9, 0x20, 0x80, 0x35, 0x20, 0x96, 0x0a,
    ]);
    expect(decodeManifestBytes(bytes)).toEqual({ text: 'Description: \u201cQ\u201d © €5 \u2013\n', encoding: 'windows-1252' });
  });

  it('reads plain ASCII and empty input as UTF-8', () => {
    expect(decodeManifestBytes(new TextEncoder().encode('a: b\n'))).toEqual({ text: 'a: b\n', encoding: 'utf-8' });
    expect(decodeManifestBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});
