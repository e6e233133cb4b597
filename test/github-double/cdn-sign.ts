import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Presigned asset URLs, shaped like the S3-style ones GitHub's release storage hands out: the signature lives in
 * the query, which is why the storage refuses an Authorization header on top of it.
 */

export const CDN_PATH = '/github-production-release-asset';
const EXPIRES_SECONDS = 300;

function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : NaN;
}

function signature(secret: Buffer, id: number, name: string, date: string, expires: string): string {
  return createHmac('sha256', secret).update(`${id}\n${name}\n${date}\n${expires}`).digest('hex');
}

export function signedAssetUrl(cdnBase: string, secret: Buffer, asset: { id: number; name: string }, now = new Date()): string {
  const date = amzDate(now);
  const expires = String(EXPIRES_SECONDS);
  const query = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `DOUBLEKEY/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
    'X-Amz-Date': date,
    'X-Amz-Expires': expires,
    'X-Amz-Signature': signature(secret, asset.id, asset.name, date, expires),
    'X-Amz-SignedHeaders': 'host',
    'response-content-disposition': `attachment; filename=${asset.name}`,
    'response-content-type': 'application/octet-stream',
  });
  return `${cdnBase}${CDN_PATH}/${asset.id}/${encodeURIComponent(asset.name)}?${query.toString()}`;
}

export type SignatureCheck = { ok: true } | { ok: false; code: 'AccessDenied' | 'SignatureDoesNotMatch'; message: string };

export function checkSignature(secret: Buffer, asset: { id: number; name: string }, query: URLSearchParams, now = Date.now()): SignatureCheck {
  const date = query.get('X-Amz-Date');
  const expires = query.get('X-Amz-Expires');
  const given = query.get('X-Amz-Signature');
  if (!date || !expires || !given) return { ok: false, code: 'AccessDenied', message: 'Access Denied' };
  const expected = Buffer.from(signature(secret, asset.id, asset.name, date, expires));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
  }
  if (!(parseAmzDate(date) + Number(expires) * 1000 > now)) return { ok: false, code: 'AccessDenied', message: 'Request has expired' };
  return { ok: true };
}
