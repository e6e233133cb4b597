/**
 * Renders the app icon (public/favicon.svg's mark: a W and a dot on a rounded square) to the PNG sizes a web app
 * manifest needs, with a plain rasterizer (4x4 supersampling) so no image tool has to be installed.
 * Run: npx tsx tools/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x2b, 0x5f, 0xd9, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const YELLOW: Rgba = [0xff, 0xd5, 0x4a, 255];
const W = [[6, 10], [10, 22], [14, 13], [18, 22], [22, 10]] as const;

function distanceToSegment(px: number, py: number, [ax, ay]: readonly number[], [bx, by]: readonly number[]): number {
  const dx = bx! - ax!, dy = by! - ay!;
  const t = Math.max(0, Math.min(1, ((px - ax!) * dx + (py - ay!) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax! + t * dx), py - (ay! + t * dy));
}

/** The colour at a point of the 32x32 design; `inset` shrinks the mark into the maskable safe zone. */
function colourAt(x: number, y: number, maskable: boolean): Rgba | undefined {
  const scale = maskable ? 0.7 : 1;
  const [u, v] = [16 + (x - 16) / scale, 16 + (y - 16) / scale];
  if (!maskable) {
    const r = 6, cx = Math.min(Math.max(x, r), 32 - r), cy = Math.min(Math.max(y, r), 32 - r);
    if (Math.hypot(x - cx, y - cy) > r) return undefined;
  }
  for (let i = 0; i + 1 < W.length; i++) if (distanceToSegment(u, v, W[i]!, W[i + 1]!) <= 1.25) return WHITE;
  if (Math.hypot(u - 25, v - 9) <= 2) return YELLOW;
  return BLUE;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size: number, maskable: boolean): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(((px + (sx + 0.5) / samples) / size) * 32, ((py + (sy + 0.5) / samples) / size) * 32, maskable);
          if (c) for (let i = 0; i < 4; i++) sum[i]! += i === 3 ? c[3] : c[i]! * c[3];
        }
      }
      const alpha = sum[3]! / (samples * samples);
      const at = py * (size * 4 + 1) + 1 + px * 4;
      for (let i = 0; i < 3; i++) rows[at + i] = alpha === 0 ? 0 : Math.round(sum[i]! / sum[3]!);
      rows[at + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]);
}

for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true], ['apple-touch-icon.png', 180, true]] as const) {
  writeFileSync(new URL(`../public/${name}`, import.meta.url), png(size, maskable));
}
