/**
 * A draft in a URL fragment: the manifest files as JSON, deflated (fflate) and base64url-encoded after
 * `#share=<format>.`. The fragment never leaves the browser (it is not part of any request), so sharing uploads
 * nothing. Only file names and texts go in: never settings, never the token.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';

export const SHARE_PREFIX = 'share=';
export const SHARE_FORMAT = 1;
/**
 * Chosen well below what browsers accept (Chromium takes 2 MB URLs) so that a link survives issue trackers, chat
 * and mail clients; a typical multi-file manifest needs 1,500 to 4,000 characters.
 */
export const MAX_FRAGMENT_CHARS = 60_000;
/** What one link may expand to: far more than any manifest, far less than a deflate bomb could ask for. */
export const MAX_SHARED_BYTES = 2 * 1024 * 1024;

export interface SharedFile {
  name: string;
  text: string;
}

export type DecodedShare = { ok: true; files: SharedFile[] } | { ok: false; message: string };
export type EncodedShare = { ok: true; fragment: string } | { ok: false; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** The fragment (without `#`) for these files, or why there is none. */
export function encodeShare(files: readonly SharedFile[]): EncodedShare {
  const json = JSON.stringify({ files: files.map(({ name, text }) => ({ name, text })) });
  const fragment = `${SHARE_PREFIX}${SHARE_FORMAT}.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return {
      ok: false,
      message: `This draft is too large for a share link (${fragment.length.toLocaleString('en-US')} characters; the limit is ${MAX_FRAGMENT_CHARS.toLocaleString('en-US')}). Export a zip and share that instead.`,
    };
  }
  return { ok: true, fragment };
}

export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(SHARE_PREFIX);
}

/** Inflates at most MAX_SHARED_BYTES; undefined when the data is corrupt or expands past that. */
function inflateBounded(data: Uint8Array): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_SHARED_BYTES) tooLarge = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length && !tooLarge; i += 16_384) inflater.push(data.subarray(i, i + 16_384), i + 16_384 >= data.length);
  } catch {
    return undefined;
  }
  if (tooLarge || !ended) return undefined;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function isSharedFile(value: unknown): value is SharedFile {
  const v = value as Partial<SharedFile> | null;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.text === 'string' && v.name !== '';
}

const CORRUPT = 'This share link is damaged (it may have been cut off when it was copied). Ask for the link again; no draft was made.';

export function decodeShare(hash: string): DecodedShare {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(SHARE_PREFIX)) return { ok: false, message: 'This is not a share link.' };
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return { ok: false, message: `This share link is longer than Wingsmith accepts (${MAX_FRAGMENT_CHARS.toLocaleString('en-US')} characters); no draft was made.` };
  }
  const body = fragment.slice(SHARE_PREFIX.length);
  const dot = body.indexOf('.');
  const format = Number(body.slice(0, dot));
  if (dot < 1 || !Number.isInteger(format)) return { ok: false, message: CORRUPT };
  if (format > SHARE_FORMAT) {
    return { ok: false, message: 'This share link was made by a newer Wingsmith. Reload the page to get the newest version, then open the link again; no draft was made.' };
  }
  if (format < 1) return { ok: false, message: CORRUPT };
  const bytes = fromBase64Url(body.slice(dot + 1));
  const json = bytes && inflateBounded(bytes);
  if (!json) return { ok: false, message: CORRUPT };
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(json));
  } catch {
    return { ok: false, message: CORRUPT };
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || files.length === 0 || !files.every(isSharedFile)) return { ok: false, message: CORRUPT };
  return { ok: true, files: files.map(({ name, text }) => ({ name, text })) };
}
