import { readExact, TruncatedError } from './byte-source';
import type { ByteSource } from './types';

/*
 * A read-only OLE compound file reader over a ByteSource. The `cfb` package needs the whole file in memory; an MSI
 * with an embedded cabinet can be gigabytes, and analysis needs only the header, the allocation tables and a few
 * small streams, so this reads just those.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_REGULAR = 0xfffffffa;

export interface CompoundStream {
  name: string;
  size: number;
  start: number;
}

export interface CompoundFile {
  /** Streams directly under the root storage (MSI keeps its tables there), by raw directory name. */
  streams: Map<string, CompoundStream>;
  read(stream: CompoundStream): Promise<Uint8Array>;
}

export function isCompoundFile(head: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => head[i] === b);
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
}

/** Sector ids grouped into runs of consecutive sectors, so a chain is read with few slices. */
function runs(ids: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const id of ids) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === id) last[1]++;
    else out.push([id, 1]);
  }
  return out;
}

export async function openCompoundFile(source: ByteSource, label = 'compound file'): Promise<CompoundFile> {
  const header = await readExact(source, 0, 512, `The ${label} header`);
  if (!isCompoundFile(header)) throw new TruncatedError(`This is not an OLE compound file (the ${label} signature is missing)`);
  const shift = header[30] ?? 9;
  const miniShift = header[32] ?? 6;
  if (shift !== 9 && shift !== 12) throw new TruncatedError(`The ${label} header is damaged: sector size 2^${shift} is not 512 or 4096`);
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const miniCutoff = u32(header, 56);

  const sectorOffset = (id: number) => (id + 1) * sectorSize;
  const readSectors = async (ids: number[], what: string): Promise<Uint8Array> => {
    const out = new Uint8Array(ids.length * sectorSize);
    let at = 0;
    for (const [first, count] of runs(ids)) {
      const offset = sectorOffset(first);
      const want = count * sectorSize;
      // The last sector of a file is sometimes stored short; accept that, but not a sector that starts past the end.
      const length = Math.min(want, source.size - offset);
      if (length <= want - sectorSize) {
        const sectors = first + count;
        throw new TruncatedError(`The ${label} is truncated: the compound file says it has at least ${sectors} sectors (${sectorOffset(sectors)} bytes; ${what} is in sector ${sectors - 1}) but the file ends at byte ${source.size}`);
      }
      out.set(await readExact(source, offset, length, what), at);
      at += want;
    }
    return out;
  };

  // The DIFAT lists the FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatCount = u32(header, 44);
  const fatIds: number[] = [];
  for (let i = 0; i < 109 && fatIds.length < fatCount; i++) fatIds.push(u32(header, 76 + i * 4));
  let difat = u32(header, 68);
  for (let guard = 0; fatIds.length < fatCount && difat <= MAX_REGULAR; guard++) {
    if (guard > fatCount || guard > source.size / sectorSize) throw new TruncatedError(`The ${label} is damaged: its DIFAT chain loops`);
    const sector = await readSectors([difat], 'the DIFAT');
    for (let i = 0; i < perSector - 1 && fatIds.length < fatCount; i++) fatIds.push(u32(sector, i * 4));
    difat = u32(sector, sectorSize - 4);
  }
  if (fatIds.some((id) => id > MAX_REGULAR)) throw new TruncatedError(`The ${label} is damaged: its FAT sector list is incomplete`);
  const fatBytes = await readSectors(fatIds, 'the FAT');
  const fat = new Uint32Array(fatBytes.length / 4);
  let used = 0;
  for (let i = 0; i < fat.length; i++) {
    fat[i] = u32(fatBytes, i * 4);
    if (fat[i] !== FREE) used = i + 1;
  }
  // The last used sector must at least begin inside the file.
  if (used > 0 && sectorOffset(used - 1) >= source.size) {
    throw new TruncatedError(`The ${label} is truncated: the compound file says it has ${used} sectors (${sectorOffset(used)} bytes) but the file ends at byte ${source.size}`);
  }

  const chain = (start: number, limit: number[] | Uint32Array, what: string): number[] => {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN; ) {
      if (id > MAX_REGULAR || id >= limit.length || ids.length > limit.length) {
        throw new TruncatedError(`The ${label} is damaged: the sector chain of ${what} is broken at sector ${id}`);
      }
      ids.push(id);
      id = limit[id] ?? END_OF_CHAIN;
    }
    return ids;
  };

  const dir = await readSectors(chain(u32(header, 48), fat, 'the directory'), 'the directory');
  const entryCount = dir.length / 128;
  const entry = (i: number) => {
    const o = i * 128;
    const nameLength = Math.max(0, Math.min(64, (dir[o + 64] ?? 0) | ((dir[o + 65] ?? 0) << 8)) - 2);
    let name = '';
    for (let c = 0; c < nameLength; c += 2) name += String.fromCharCode((dir[o + c] ?? 0) | ((dir[o + c + 1] ?? 0) << 8));
    return {
      name,
      type: dir[o + 66] ?? 0,
      left: u32(dir, o + 68),
      right: u32(dir, o + 72),
      child: u32(dir, o + 76),
      start: u32(dir, o + 116),
      // Version 3 files leave the high size word undefined; streams in an MSI are below 4 GiB anyway.
      size: u32(dir, o + 120),
    };
  };
  const root = entry(0);
  if (root.type !== 5) throw new TruncatedError(`The ${label} is damaged: its first directory entry is not the root`);

  const streams = new Map<string, CompoundStream>();
  const stack = [root.child];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const i = stack.pop() ?? FREE;
    if (i >= entryCount || seen.has(i)) continue;
    seen.add(i);
    const e = entry(i);
    if (e.type === 2) streams.set(e.name, { name: e.name, size: e.size, start: e.start });
    stack.push(e.left, e.right);
  }

  let mini: { fat: number[]; data: number[] } | undefined;
  const miniTables = async () => {
    if (mini) return mini;
    const miniFatBytes = u32(header, 64) > 0 ? await readSectors(chain(u32(header, 60), fat, 'the mini FAT'), 'the mini FAT') : new Uint8Array(0);
    const miniFat: number[] = [];
    for (let i = 0; i < miniFatBytes.length / 4; i++) miniFat.push(u32(miniFatBytes, i * 4));
    mini = { fat: miniFat, data: chain(root.start, fat, 'the mini stream') };
    return mini;
  };

  return {
    streams,
    async read(stream) {
      if (stream.size === 0) return new Uint8Array(0);
      if (stream.size >= miniCutoff) {
        const bytes = await readSectors(chain(stream.start, fat, `stream ${stream.name}`), `stream ${stream.name}`);
        return bytes.subarray(0, stream.size);
      }
      const { fat: miniFat, data } = await miniTables();
      const miniSize = 1 << miniShift;
      const ids = chain(stream.start, miniFat, `stream ${stream.name}`);
      const out = new Uint8Array(ids.length * miniSize);
      // Mini sectors live inside the root's mini stream; map each to its regular sector.
      for (let k = 0; k < ids.length; k++) {
        const byteInMini = (ids[k] ?? 0) * miniSize;
        const sector = data[Math.floor(byteInMini / sectorSize)];
        if (sector === undefined) throw new TruncatedError(`The ${label} is damaged: stream ${stream.name} points past the mini stream`);
        out.set(await readExact(source, sectorOffset(sector) + (byteInMini % sectorSize), miniSize, `stream ${stream.name}`), k * miniSize);
      }
      return out.subarray(0, stream.size);
    },
  };
}
