import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INPUT_CAPACITY } from './sha256-module';
import { createSha256, sha256Hex } from './sha256';

const reference = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('SHA-256', () => {
  it('gives the FIPS 180-4 example digests', async () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    expect(await sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(ascii(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(await sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto on every length up to five blocks', async () => {
    const bytes = new Uint8Array(randomBytes(64 * 5 + 1));
    for (let n = 0; n <= bytes.length; n++) expect(await sha256Hex(bytes.subarray(0, n)), `length ${n}`).toBe(reference(bytes.subarray(0, n)));
  });

  it('gives the same digest however the input is split, across the input area', async () => {
    const bytes = new Uint8Array(randomBytes(INPUT_CAPACITY * 2 + 12_345));
    for (const sizes of [[1], [63, 1, 65], [4096], [INPUT_CAPACITY - 1, 2], [INPUT_CAPACITY * 3]]) {
      const hasher = await createSha256();
      for (let at = 0, i = 0; at < bytes.length; i++) {
        const n = sizes[i % sizes.length]!;
        hasher.update(bytes.subarray(at, at + n));
        at += n;
      }
      expect(hasher.hex(), `pieces of ${sizes.join(', ')}`).toBe(reference(bytes));
    }
  });

  it('writes the bit length past 32 bits (inputs of 512 MiB and more)', async () => {
    const mib = new Uint8Array(randomBytes(1 << 20));
    const ours = await createSha256();
    const theirs = createHash('sha256');
    for (let i = 0; i < 513; i++) {
      ours.update(mib);
      theirs.update(mib);
    }
    expect(ours.hex()).toBe(theirs.digest('hex'));
  });

  it('refuses to be used after its digest', async () => {
    const hasher = await createSha256();
    hasher.digest();
    expect(() => hasher.update(new Uint8Array(1))).toThrow(/already given its digest/);
  });
});
