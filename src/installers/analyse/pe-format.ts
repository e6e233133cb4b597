import { readExact, TruncatedError } from './byte-source';
import type { ByteSource } from './types';

/* Just enough of the PE/COFF layout to find the machine, the sections, the overlay and one resource. */

export interface PeSection {
  name: string;
  virtualAddress: number;
  virtualSize: number;
  rawOffset: number;
  rawSize: number;
}

export interface PeImage {
  machine: number;
  sections: PeSection[];
  /** Where data appended after the last section starts (installers keep their payload there). */
  overlayStart: number;
  resourceRva: number;
  certificate?: { offset: number; size: number };
}

const RESOURCE_DIRECTORY = 2;
const SECURITY_DIRECTORY = 4;

export function isPe(head: Uint8Array): boolean {
  return head[0] === 0x4d && head[1] === 0x5a;
}

export async function readPe(source: ByteSource): Promise<PeImage> {
  const dos = await readExact(source, 0, 64, 'The EXE DOS header');
  const lfanew = new DataView(dos.buffer, dos.byteOffset, 64).getUint32(0x3c, true);
  if (lfanew > 1 << 20) throw new TruncatedError('The EXE is damaged: the PE header offset in the DOS header is implausible');
  const head = await readExact(source, lfanew, 24, 'The EXE PE header');
  const hv = new DataView(head.buffer, head.byteOffset, 24);
  if (hv.getUint32(0, true) !== 0x00004550) throw new TruncatedError('This MZ file has no PE header (it may be a DOS program)');
  const machine = hv.getUint16(4, true);
  const sectionCount = hv.getUint16(6, true);
  const optionalSize = hv.getUint16(20, true);
  const optional = await readExact(source, lfanew + 24, optionalSize, 'The EXE optional header');
  const ov = new DataView(optional.buffer, optional.byteOffset, optional.byteLength);
  const magic = optionalSize >= 2 ? ov.getUint16(0, true) : 0;
  const dirStart = magic === 0x20b ? 112 : 96;
  const dirCount = optionalSize >= dirStart ? ov.getUint32(dirStart - 4, true) : 0;
  const directory = (i: number) =>
    i < dirCount && dirStart + i * 8 + 8 <= optionalSize ? { address: ov.getUint32(dirStart + i * 8, true), size: ov.getUint32(dirStart + i * 8 + 4, true) } : undefined;

  const table = await readExact(source, lfanew + 24 + optionalSize, sectionCount * 40, 'The EXE section table');
  const tv = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const sections: PeSection[] = [];
  let overlayStart = lfanew + 24 + optionalSize + sectionCount * 40;
  for (let i = 0; i < sectionCount; i++) {
    const o = i * 40;
    const nameBytes = table.subarray(o, o + 8);
    const end = nameBytes.indexOf(0);
    const section = {
      name: String.fromCharCode(...(end >= 0 ? nameBytes.subarray(0, end) : nameBytes)).replace(/[^\x20-\x7e]/g, '?'),
      virtualSize: tv.getUint32(o + 8, true),
      virtualAddress: tv.getUint32(o + 12, true),
      rawSize: tv.getUint32(o + 16, true),
      rawOffset: tv.getUint32(o + 20, true),
    };
    sections.push(section);
    if (section.rawSize > 0) {
      if (section.rawOffset + section.rawSize > source.size) {
        throw new TruncatedError(`The EXE is truncated: section ${section.name} ends at byte ${section.rawOffset + section.rawSize} but the file ends at byte ${source.size}`);
      }
      overlayStart = Math.max(overlayStart, section.rawOffset + section.rawSize);
    }
  }
  const security = directory(SECURITY_DIRECTORY);
  // The certificate table is addressed by file offset, not RVA, and sits at the very end of a signed file.
  const certificate = security && security.size > 0 ? { offset: security.address, size: security.size } : undefined;
  if (certificate && certificate.offset + certificate.size > source.size) {
    throw new TruncatedError(`The EXE is truncated: its signature should end at byte ${certificate.offset + certificate.size} but the file ends at byte ${source.size}`);
  }
  return { machine, sections, overlayStart, resourceRva: directory(RESOURCE_DIRECTORY)?.address ?? 0, certificate };
}

export function rvaToOffset(pe: PeImage, rva: number): number | undefined {
  for (const s of pe.sections) {
    const span = Math.max(s.virtualSize, s.rawSize);
    if (rva >= s.virtualAddress && rva < s.virtualAddress + span) {
      const delta = rva - s.virtualAddress;
      return delta < s.rawSize ? s.rawOffset + delta : undefined;
    }
  }
  return undefined;
}

/** The bytes of the first resource of `type` (any name, any language), or undefined. */
export async function readResource(source: ByteSource, pe: PeImage, type: number, limit = 1 << 20): Promise<Uint8Array | undefined> {
  const base = rvaToOffset(pe, pe.resourceRva);
  if (base === undefined) return undefined;
  // Each level: a 16-byte header, then 8-byte entries; the high bit of an entry's offset marks a subdirectory.
  const level = async (offset: number, wanted?: number): Promise<number | undefined> => {
    const header = await readExact(source, base + offset, 16, 'The EXE resource directory');
    const hv = new DataView(header.buffer, header.byteOffset, 16);
    const count = hv.getUint16(12, true) + hv.getUint16(14, true);
    const entries = await readExact(source, base + offset + 16, count * 8, 'The EXE resource directory');
    const ev = new DataView(entries.buffer, entries.byteOffset, entries.byteLength);
    for (let i = 0; i < count; i++) {
      const id = ev.getUint32(i * 8, true);
      if (wanted === undefined || id === wanted) return ev.getUint32(i * 8 + 4, true);
    }
    return undefined;
  };
  let next = await level(0, type);
  for (let depth = 0; next !== undefined && next & 0x80000000 && depth < 3; depth++) next = await level(next & 0x7fffffff);
  if (next === undefined || next & 0x80000000) return undefined;
  const data = await readExact(source, base + next, 16, 'The EXE resource data entry');
  const dv = new DataView(data.buffer, data.byteOffset, 16);
  const offset = rvaToOffset(pe, dv.getUint32(0, true));
  const size = dv.getUint32(4, true);
  if (offset === undefined || size > limit) return undefined;
  return readExact(source, offset, size, 'The EXE version resource');
}
