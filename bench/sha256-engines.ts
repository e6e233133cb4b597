/**
 * SHA-256 engines from memory in a Chromium worker: the app's own WebAssembly module (src/installers/hash) against
 * hash-wasm, which it replaced, and WebCrypto (one-shot, used for files up to 96 MiB). Reading is left out, so this
 * is the ceiling each engine sets on the app's hashing speed. hash-wasm is a devDependency for this line only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sha256ModuleBytes } from '../src/installers/hash/sha256-module';
import { launchChromium } from './browser';

export interface EngineFigures {
  wingsmith: number;
  hashWasm: number;
  webCrypto: number;
}

const ORIGIN = 'http://localhost:4399';

export async function benchSha256Engines(): Promise<EngineFigures> {
  const hashWasmScript = readFileSync(createRequire(import.meta.url).resolve('hash-wasm/dist/sha256.umd.min.js'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // A made-up origin served from here; localhost counts as secure, so WebCrypto is there too.
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = route.request().url();
      if (url.endsWith('/hash-wasm.js')) return route.fulfill({ contentType: 'text/javascript', body: hashWasmScript });
      if (url.endsWith('/sha256.wasm')) return route.fulfill({ contentType: 'application/wasm', body: Buffer.from(sha256ModuleBytes()) });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>engines</title>' });
    });
    await page.goto(`${ORIGIN}/`);
    return await page.evaluate(async (origin) => {
      const source = `importScripts('${origin}/hash-wasm.js');
        onmessage = async () => {
          const MIB = 1 << 20, rounds = 64, piece = new Uint8Array(8 * MIB);
          for (let i = 0; i < piece.length; i += 65536) crypto.getRandomValues(piece.subarray(i, i + 65536));
          const rate = (t) => (rounds * piece.length) / 1e6 / ((performance.now() - t) / 1000);
          const hw = await hashwasm.createSHA256();
          hw.init();
          for (let i = 0; i < 8; i++) hw.update(piece);
          let t = performance.now();
          for (let i = 0; i < rounds; i++) hw.update(piece);
          hw.digest();
          const hashWasm = rate(t);
          const { instance } = await WebAssembly.instantiate(await (await fetch('${origin}/sha256.wasm')).arrayBuffer());
          const { memory, blocks } = instance.exports, bytes = new Uint8Array(memory.buffer);
          const ours = (n) => { for (let i = 0; i < n; i++) for (let at = 0; at < piece.length; at += MIB) { bytes.set(piece.subarray(at, at + MIB), 64); blocks(64, MIB / 64); } };
          ours(8);
          t = performance.now();
          ours(rounds);
          const wingsmith = rate(t);
          const whole = new Uint8Array(rounds * piece.length / 8);
          await crypto.subtle.digest('SHA-256', whole);
          t = performance.now();
          for (let i = 0; i < 8; i++) await crypto.subtle.digest('SHA-256', whole);
          const webCrypto = rate(t);
          postMessage({ wingsmith, hashWasm, webCrypto });
        };`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      return new Promise<{ wingsmith: number; hashWasm: number; webCrypto: number }>((resolve, reject) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage(0);
      });
    }, ORIGIN);
  } finally {
    await browser.close();
  }
}

export function printSha256Engines(f: EngineFigures): void {
  const mb = (n: number) => `${n.toFixed(0)} MB/s`;
  console.log(
    `hashing, SHA-256 from memory in a Chromium worker: Wingsmith's WebAssembly module ${mb(f.wingsmith)}, hash-wasm ${mb(f.hashWasm)} (${(f.wingsmith / f.hashWasm).toFixed(2)}×), WebCrypto one-shot ${mb(f.webCrypto)}`,
  );
}
