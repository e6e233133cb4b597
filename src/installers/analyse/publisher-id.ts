import { sha256Hex } from '../hash/sha256';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >> 8;
  }
  return out;
}

/**
 * The 13-character publisher id Windows derives from a package's Publisher: the first 64 bits of SHA-256 over the
 * UTF-16LE string, in lower-case Crockford base32, the last five-bit group padded with a zero bit.
 */
export async function publisherId(publisher: string): Promise<string> {
  const hex = await sha256Hex(utf16le(publisher));
  // 64 bits followed by one zero bit make 65 = 13 × 5.
  let bits = BigInt(`0x${hex.slice(0, 16)}`) << 1n;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = CROCKFORD[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

export async function packageFamilyName(name: string, publisher: string): Promise<string> {
  return `${name}_${await publisherId(publisher)}`;
}
