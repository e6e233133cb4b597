/*
 * VS_VERSIONINFO is a tree of blocks, each: length, value length, type (1 = text), a UTF-16 key, padding to 32 bits,
 * the value, padding, then child blocks up to the block's length.
 */

export interface VersionInfo {
  strings: Record<string, string>;
  /** From VS_FIXEDFILEINFO, "a.b.c.d". */
  fixedProductVersion?: string;
  fixedFileVersion?: string;
}

interface Block {
  key: string;
  valueStart: number;
  valueBytes: number;
  childrenStart: number;
  end: number;
}

const align4 = (n: number) => (n + 3) & ~3;

function readBlock(v: DataView, offset: number, limit: number): Block | undefined {
  if (offset + 6 > limit) return undefined;
  const length = v.getUint16(offset, true);
  const valueLength = v.getUint16(offset + 2, true);
  const type = v.getUint16(offset + 4, true);
  const end = Math.min(limit, offset + length);
  if (length < 6 || end <= offset) return undefined;
  let key = '';
  let p = offset + 6;
  for (; p + 1 < end; p += 2) {
    const c = v.getUint16(p, true);
    if (c === 0) break;
    key += String.fromCharCode(c);
  }
  const valueStart = align4(p + 2);
  // Text values count characters, binary values count bytes.
  const valueBytes = Math.min(Math.max(0, end - valueStart), type === 1 ? valueLength * 2 : valueLength);
  return { key, valueStart, valueBytes, childrenStart: align4(valueStart + valueBytes), end };
}

function children(v: DataView, block: Block): Block[] {
  const out: Block[] = [];
  for (let at = block.childrenStart; at < block.end; ) {
    const child = readBlock(v, at, block.end);
    if (!child) break;
    out.push(child);
    at = align4(child.end);
  }
  return out;
}

function text(v: DataView, start: number, end: number): string {
  let s = '';
  for (let p = start; p + 1 < end; p += 2) {
    const c = v.getUint16(p, true);
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s.trim();
}

function fixedVersion(v: DataView, at: number): string {
  const ms = v.getUint32(at, true);
  const ls = v.getUint32(at + 4, true);
  return `${ms >>> 16}.${ms & 0xffff}.${ls >>> 16}.${ls & 0xffff}`;
}

export function parseVersionInfo(bytes: Uint8Array): VersionInfo {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const root = readBlock(v, 0, bytes.length);
  const info: VersionInfo = { strings: {} };
  if (!root || root.key !== 'VS_VERSION_INFO') return info;
  if (root.valueBytes >= 52 && v.getUint32(root.valueStart, true) === 0xfeef04bd) {
    info.fixedFileVersion = fixedVersion(v, root.valueStart + 8);
    info.fixedProductVersion = fixedVersion(v, root.valueStart + 16);
  }
  for (const group of children(v, root)) {
    if (group.key !== 'StringFileInfo') continue;
    // Several language tables are rare; the first one wins, later ones only fill gaps.
    for (const table of children(v, group)) {
      for (const entry of children(v, table)) {
        const value = text(v, entry.valueStart, entry.end);
        if (value && info.strings[entry.key] === undefined) info.strings[entry.key] = value;
      }
    }
  }
  return info;
}
