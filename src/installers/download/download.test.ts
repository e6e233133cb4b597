import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, downloadAndHash } from './download';
import { syncHandleFile, type SpillFileOpener, type SyncAccessHandle } from './spill';

/** An in-memory stand-in for an OPFS sync access handle, counting what it holds. */
function memoryFiles() {
  const files = { opened: 0, removed: 0, bytes: 0 };
  const open: SpillFileOpener = async () => {
    files.opened++;
    let data = new Uint8Array(0);
    const handle: SyncAccessHandle = {
      write(buffer, { at }) {
        if (at + buffer.length > data.length) {
          const next = new Uint8Array(at + buffer.length);
          next.set(data);
          data = next;
        }
        data.set(buffer, at);
        files.bytes = data.length;
        return buffer.length;
      },
      read(buffer, { at }) {
        const part = data.subarray(at, at + buffer.length);
        buffer.set(part);
        return part.length;
      },
      flush() {},
      close() {},
    };
    return syncHandleFile(handle, async () => void files.removed++);
  };
  return { files, open };
}

const body = Buffer.alloc(3 * 1024 * 1024 + 17);
for (let i = 0; i < body.length; i++) body[i] = (i * 31 + (i >> 11)) & 0xff;
const digest = createHash('sha256').update(body).digest('hex');

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/file.msi') {
      res.writeHead(200, { 'Content-Length': body.length, 'Content-Type': 'application/octet-stream' });
      res.end(body);
    } else if (url === '/chunked.exe') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.write(body.subarray(0, 1000));
      res.end(body.subarray(1000));
    } else if (url === '/drop.msi') {
      res.writeHead(200, { 'Content-Length': body.length });
      res.write(body.subarray(0, 200_000), () => res.destroy());
    } else if (url === '/stall.msi') {
      res.writeHead(200, { 'Content-Length': body.length });
      res.write(body.subarray(0, 1000));
    } else if (url === '/accept') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(String(req.headers.accept));
    } else {
      res.writeHead(404, 'Not Found').end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DownloadError);
  return error as DownloadError;
}

describe('downloadAndHash', () => {
  it('hashes the body as it arrives and keeps the bytes in memory below the limit', async () => {
    const starts: unknown[] = [];
    const progress: number[] = [];
    const got = await downloadAndHash({ url: `${base}/file.msi`, fileName: 'file.msi' }, { openFile: memoryFiles().open, onStart: (s) => starts.push(s), onProgress: (n) => progress.push(n) });
    expect(got.sha256).toBe(digest);
    expect(got.size).toBe(body.length);
    expect(starts).toEqual([{ total: body.length, finalUrl: `${base}/file.msi`, redirected: false }]);
    expect(progress.at(-1)).toBe(body.length);
    expect(got.spill.spilled).toBe(false);
    const source = await got.spill.source();
    expect(Buffer.from(await source.read(body.length - 10, 10))).toEqual(body.subarray(body.length - 10));
    expect(got.spill.blob()?.size).toBe(body.length);
  });

  it('moves the bytes to a file beyond the memory limit, with or without a Content-Length, and removes it', async () => {
    for (const path of ['/file.msi', '/chunked.exe']) {
      const { files, open } = memoryFiles();
      const got = await downloadAndHash({ url: `${base}${path}`, fileName: 'x' }, { memoryLimit: 1024 * 1024, openFile: open });
      expect(got.sha256).toBe(digest);
      expect(got.spill.spilled).toBe(true);
      expect(got.spill.blob()).toBeUndefined();
      expect(files.bytes).toBe(body.length);
      const source = await got.spill.source();
      expect(source.size).toBe(body.length);
      expect(Buffer.from(await source.read(1_500_000, 4096))).toEqual(body.subarray(1_500_000, 1_504_096));
      got.spill.dispose();
      await Promise.resolve();
      expect(files).toMatchObject({ opened: 1, removed: 1 });
    }
  });

  it('sends the Accept header it is given', async () => {
    const got = await downloadAndHash({ url: `${base}/accept`, fileName: 'x', accept: 'application/octet-stream' }, { openFile: memoryFiles().open });
    expect(Buffer.from(await (await got.spill.source()).read(0, 100)).toString()).toBe('application/octet-stream');
  });

  it('reports the server’s status', async () => {
    const error = await failure(downloadAndHash({ url: `${base}/missing.msi`, fileName: 'missing.msi' }, { openFile: memoryFiles().open }));
    expect(error).toMatchObject({ failure: 'http', status: 404 });
    expect(error.message).toBe('The server answered 404 Not Found for missing.msi.');
  });

  it('tells a dropped connection, with how far it got, and removes the partial file', async () => {
    const { files, open } = memoryFiles();
    const error = await failure(downloadAndHash({ url: `${base}/drop.msi`, fileName: 'drop.msi' }, { memoryLimit: 100_000, openFile: open }));
    expect(error.failure).toBe('dropped');
    expect(error.message).toMatch(/^The connection dropped after [\d.]+ MB of 3\.1 MB\.$/);
    await Promise.resolve();
    expect(files.removed).toBe(files.opened);
  });

  it('gives up on a server that stops sending', async () => {
    const error = await failure(downloadAndHash({ url: `${base}/stall.msi`, fileName: 'stall.msi' }, { openFile: memoryFiles().open, idleTimeoutMs: 300 }));
    expect(error.failure).toBe('timeout');
    expect(error.message).toContain('No data arrived for 0 s after');
  });

  it('tells a server that refuses web pages (CORS) from one that cannot be reached', async () => {
    const blockedFetch: typeof fetch = async (_input, init) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    };
    const blocked = await failure(downloadAndHash({ url: 'https://downloads.example.com/a/tool.msi', fileName: 'tool.msi' }, { openFile: memoryFiles().open, fetch: blockedFetch }));
    expect(blocked.failure).toBe('blocked');
    expect(blocked.message).toContain('downloads.example.com does not let web pages download tool.msi');
    expect(blocked.message).toContain('drop it here');
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const unreachable = await failure(downloadAndHash({ url: 'https://downloads.example.com/tool.msi', fileName: 'tool.msi' }, { openFile: memoryFiles().open, fetch: down }));
    expect(unreachable.failure).toBe('unreachable');
  });
});
