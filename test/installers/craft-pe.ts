/*
 * Hand-made minimal PE files for what the Debian toolchain cannot produce: other machine types, an Inno Setup-looking
 * loader, a WiX Burn `.wixburn` section. They are not runnable; they only carry the bytes the analyser looks for.
 */

export interface CraftOptions {
  machine?: number;
  sections?: { name: string; data?: Uint8Array }[];
  overlay?: Uint8Array;
}

const FILE_ALIGN = 0x200;
const OPTIONAL_SIZE = 0xf0;

export function craftPe(o: CraftOptions = {}): Uint8Array {
  const sections = o.sections ?? [{ name: '.text', data: new Uint8Array([0xc3]) }];
  const headerEnd = 0x40 + 24 + OPTIONAL_SIZE + sections.length * 40;
  const headersSize = Math.ceil(headerEnd / FILE_ALIGN) * FILE_ALIGN;
  const raw = sections.map((s) => Math.ceil(Math.max(1, s.data?.length ?? 1) / FILE_ALIGN) * FILE_ALIGN);
  const overlay = o.overlay ?? new Uint8Array(0);
  const total = headersSize + raw.reduce((a, b) => a + b, 0) + overlay.length;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  out[0] = 0x4d;
  out[1] = 0x5a;
  v.setUint32(0x3c, 0x40, true);
  v.setUint32(0x40, 0x00004550, true);
  v.setUint16(0x44, o.machine ?? 0x8664, true);
  v.setUint16(0x46, sections.length, true);
  v.setUint16(0x54, OPTIONAL_SIZE, true);
  v.setUint16(0x56, 0x0022, true);
  const opt = 0x58;
  v.setUint16(opt, 0x20b, true);
  v.setUint32(opt + 32, 0x1000, true);
  v.setUint32(opt + 36, FILE_ALIGN, true);
  v.setUint32(opt + 60, headersSize, true);
  v.setUint32(opt + 108, 16, true);
  let rawAt = headersSize;
  sections.forEach((s, i) => {
    const h = opt + OPTIONAL_SIZE + i * 40;
    for (let c = 0; c < Math.min(8, s.name.length); c++) out[h + c] = s.name.charCodeAt(c);
    v.setUint32(h + 8, raw[i] ?? 0, true);
    v.setUint32(h + 12, 0x1000 * (i + 1), true);
    v.setUint32(h + 16, raw[i] ?? 0, true);
    v.setUint32(h + 20, rawAt, true);
    if (s.data) out.set(s.data, rawAt);
    rawAt += raw[i] ?? 0;
  });
  out.set(overlay, rawAt);
  return out;
}

export const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
export const utf16 = (s: string): Uint8Array => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));
