import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_FRAGMENT_CHARS, decodeShare, encodeShare } from './share-codec';

const FILES = [
  { name: 'Contoso.Tool.yaml', text: '# comment kept\nPackageIdentifier: Contoso.Tool\nPackageVersion: 1.10\n' },
  { name: 'Contoso.Tool.locale.de-DE.yaml', text: 'ShortDescription: Größe – 漢字 😀\n' },
];

function fragmentOf(json: string, format = 1): string {
  const b64 = btoa(String.fromCharCode(...deflateSync(strToU8(json)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `#share=${format}.${b64}`;
}

describe('share links', () => {
  it('round-trips names and texts exactly, comments and non-ASCII included', () => {
    const encoded = encodeShare(FILES);
    if (!encoded.ok) throw new Error(encoded.message);
    expect(encoded.fragment).toMatch(/^share=1\.[A-Za-z0-9_-]+$/);
    expect(decodeShare(`#${encoded.fragment}`)).toEqual({ ok: true, files: FILES });
  });

  it('refuses a draft too large for a link, saying what to do instead', () => {
    // Random-looking text does not compress, so this passes the limit.
    let text = '';
    for (let i = 0; text.length < 2 * MAX_FRAGMENT_CHARS; i++) text += Math.sin(i).toString(36);
    const encoded = encodeShare([{ name: 'a.yaml', text }]);
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.message).toContain('Export a zip');
  });

  it('a cut-off, tampered or foreign fragment is damaged, not a draft', () => {
    const encoded = encodeShare(FILES);
    if (!encoded.ok) throw new Error(encoded.message);
    for (const bad of [`#${encoded.fragment.slice(0, -12)}`, '#share=1.@@@', '#share=x.abc', '#share=1.', fragmentOf('{"files":[]}'), fragmentOf('[1,2]'), fragmentOf('not json')]) {
      const decoded = decodeShare(bad);
      expect(decoded.ok, bad).toBe(false);
      expect(!decoded.ok && decoded.message).toContain('damaged');
    }
  });

  it('a link from a newer format says so', () => {
    const decoded = decodeShare(fragmentOf('{"files":[{"name":"a.yaml","text":"x"}]}', 2));
    expect(!decoded.ok && decoded.message).toContain('newer Wingsmith');
  });

  it('a deflate bomb stops at the size bound', () => {
    const bomb = fragmentOf(`{"files":[{"name":"a.yaml","text":"${'A'.repeat(3 * 1024 * 1024)}"}]}`);
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(decodeShare(bomb).ok).toBe(false);
  });

  it('a fragment past the length limit is refused before it is read', () => {
    expect(decodeShare(`#share=1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`)).toMatchObject({ ok: false, message: expect.stringContaining('longer') });
  });
});
