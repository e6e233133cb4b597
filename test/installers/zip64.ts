/*
 * A hand-written ZIP64 archive (fflate writes only classic zips): stored entries whose central directory uses the
 * ZIP64 extra field, and a ZIP64 end record with its locator.
 */

export function zip64Stored(files: { path: string; data: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  for (const f of files) {
    const name = enc.encode(f.path);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 45, true);
    lv.setUint32(18, f.data.length, true);
    lv.setUint32(22, f.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const c = new Uint8Array(46 + name.length + 28);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 45, true);
    cv.setUint32(20, 0xffffffff, true);
    cv.setUint32(24, 0xffffffff, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, 28, true);
    cv.setUint32(42, 0xffffffff, true);
    c.set(name, 46);
    const e = 46 + name.length;
    cv.setUint16(e, 1, true);
    cv.setUint16(e + 2, 24, true);
    cv.setBigUint64(e + 4, BigInt(f.data.length), true);
    cv.setBigUint64(e + 12, BigInt(f.data.length), true);
    cv.setBigUint64(e + 20, BigInt(offset), true);
    central.push(c);
    parts.push(local, f.data);
    offset += local.length + f.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(56 + 20 + 22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06064b50, true);
  ev.setBigUint64(4, 44n, true);
  ev.setBigUint64(24, BigInt(files.length), true);
  ev.setBigUint64(32, BigInt(files.length), true);
  ev.setBigUint64(40, BigInt(cdSize), true);
  ev.setBigUint64(48, BigInt(offset), true);
  ev.setUint32(56, 0x07064b50, true);
  ev.setBigUint64(64, BigInt(offset + cdSize), true);
  ev.setUint32(72, 1, true);
  ev.setUint32(76, 0x06054b50, true);
  ev.setUint16(86, 0xffff, true);
  ev.setUint16(84, 0xffff, true);
  ev.setUint32(88, 0xffffffff, true);
  ev.setUint32(92, 0xffffffff, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
