import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CDN_PATH, checkSignature } from './cdn-sign';
import type { DoubleAsset } from './release-state';
import type { CdnLoggedRequest, DoubleState } from './state';

/**
 * The stand-in for GitHub's release asset storage, on an origin of its own: the API and github.com redirect
 * asset downloads here. Like the real storage it lets any page read a download (CORS `*`), refuses an
 * Authorization header next to the signature in the URL, and fails CORS preflights, so only a "simple" request
 * (no Authorization, no custom headers) gets through from a browser.
 */

export interface CdnServer {
  url: string;
  /** The next download sends its headers (with the full Content-Length) and `afterBytes` bytes, then drops the connection. */
  dropNext(afterBytes: number): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const CHUNK = 1 << 20;

function xmlError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>DOUBLE</RequestId></Error>`;
}

function contentDisposition(name: string): string {
  if (/^[\w.+-]+$/.test(name)) return `attachment; filename=${name}`;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Resolves once the response can take more (or is gone), so a slow reader holds back the producer. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes `bytes` bytes of the asset, one chunk at a time, never more than one chunk ahead of the socket. */
async function writeAsset(res: ServerResponse, asset: DoubleAsset, bytes: number): Promise<void> {
  for (let offset = 0; offset < bytes && !res.destroyed; ) {
    const length = Math.min(CHUNK, bytes - offset);
    const more = res.write(asset.chunk(offset, length));
    offset += length;
    if (!more) await drained(res);
  }
}

/** Waits until everything written so far has reached the kernel, so that a drop loses nothing already sent. */
function flushed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const socket = res.socket;
    if (!socket || socket.destroyed) return resolve();
    socket.write('', () => resolve());
  });
}

export async function startCdn(state: DoubleState, host: string): Promise<CdnServer> {
  const drops: number[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://cdn.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = req.headers.origin;
    const entry: CdnLoggedRequest = {
      method,
      path: url.pathname,
      status: 0,
      authorization: req.headers.authorization !== undefined,
      ...(origin !== undefined ? { origin } : {}),
    };
    state.cdnRequests.push(entry);
    const fail = (status: number, code: string, message: string, cors = true) => {
      entry.status = status;
      res
        .writeHead(status, { 'Content-Type': 'application/xml', ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}) })
        .end(xmlError(code, message));
    };
    // No CORS answer to a preflight: a page's request that needs one (e.g. with Authorization) never gets through.
    if (method === 'OPTIONS') return fail(403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed.', false);
    if (method !== 'GET' && method !== 'HEAD') return fail(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    if (entry.authorization) {
      return fail(
        400,
        'InvalidArgument',
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      );
    }
    const m = new RegExp(`^${CDN_PATH}/(\\d+)/([^/]+)$`).exec(url.pathname);
    const found = m ? state.findAsset(Number(m[1])) : undefined;
    if (!m || !found) return fail(404, 'NoSuchKey', 'The specified key does not exist.');
    const { asset } = found;
    // The signature covers the file name in the path, so a URL edited to another name is refused too.
    const check = checkSignature(state.cdnSecret, { id: asset.id, name: decodeURIComponent(m[2]!) }, url.searchParams);
    if (!check.ok) return fail(403, check.code, check.message);

    entry.status = 200;
    res.writeHead(200, {
      'Access-Control-Allow-Origin': '*',
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(asset.size),
      'Content-Disposition': contentDisposition(asset.name),
      'Last-Modified': new Date(asset.updated_at).toUTCString(),
      ETag: `"${asset.id}-${asset.size}"`,
    });
    if (method === 'HEAD') return void res.end();
    asset.download_count += 1;
    const drop = drops.shift();
    if (drop === undefined) {
      await writeAsset(res, asset, asset.size);
      res.end();
      return;
    }
    entry.droppedAfter = Math.min(drop, asset.size);
    res.flushHeaders();
    await writeAsset(res, asset, entry.droppedAfter);
    await flushed(res);
    res.socket?.destroy();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    dropNext: (afterBytes) => void drops.push(Math.max(0, Math.floor(afterBytes))),
    clearFaults: () => void (drops.length = 0),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
