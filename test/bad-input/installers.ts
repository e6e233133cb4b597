import { strToU8, zipSync } from 'fflate';
import { craftPe } from '../installers/craft-pe';
import { appxManifest } from '../installers/msix-fixtures';
import { zip64Stored } from '../installers/zip64';
import { deflatedZeros } from './deflate-zeros';
import { lazy, type BadInput, type Expectation } from './types';
import { writeZip } from './zip-writer';

/* Installers that lie about themselves: headers promising what the bytes do not hold. */

/** The manifest paths see bytes that are no YAML; the import path does not even read a non-YAML name. */
const notYaml = { cli: { verdict: 'error', line: true }, import: { verdict: 'refused', message: /No \.yaml, \.yml or \.zip/ } } as const;

/** A .zip name is unpacked by the import, which says why it cannot read the archive. */
const unreadableZip = { verdict: 'error', message: /Not a readable zip archive|holds no \.yaml or \.yml files/ } as const;

function installer(name: string, fileName: string, make: () => Uint8Array, found: Expectation, nestedPath?: string): BadInput {
  const imported = fileName.endsWith('.zip') ? unreadableZip : notYaml.import;
  return { name, family: 'installer', fileName, bytes: lazy(make), ...(nestedPath ? { nestedPath } : {}), expect: { ...notYaml, import: imported, installer: found } };
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A compound-file header whose FAT and directory sit in sectors the file does not have. */
function truncatedMsi(): Uint8Array {
  const out = new Uint8Array(512 + 512);
  const v = new DataView(out.buffer);
  out.set(SIGNATURE);
  v.setUint16(24, 0x3e, true);
  v.setUint16(26, 3, true);
  v.setUint16(28, 0xfffe, true);
  v.setUint16(30, 9, true);
  v.setUint16(32, 6, true);
  v.setUint32(44, 1, true);
  v.setUint32(48, 40, true);
  v.setUint32(56, 4096, true);
  v.setUint32(60, 0xfffffffe, true);
  v.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // The FAT (sector 0) says sectors up to 40 are in use; the file holds one.
  for (let i = 0; i < 128; i++) v.setUint32(512 + i * 4, i === 0 ? 0xfffffffd : i <= 40 ? 0xfffffffe : 0xffffffff, true);
  return out;
}

function msixWithout(): Uint8Array {
  return zipSync({
    'AppxBlockMap.xml': strToU8('<?xml version="1.0"?><BlockMap />'),
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types />'),
    'app/Tool.exe': craftPe(),
  });
}

/** An MSIX whose AppxManifest.xml says 2 KiB and inflates to 768 MiB. */
function msixBomb(): Uint8Array {
  const zeros = deflatedZeros(768);
  return writeZip([
    { path: 'AppxManifest.xml', data: zeros.data, method: 8, size: 2048, crc: zeros.crc },
    { path: 'AppxBlockMap.xml', data: strToU8('<BlockMap />') },
  ]);
}

function peWith(edit: (bytes: Uint8Array, view: DataView) => void): () => Uint8Array {
  return () => {
    const bytes = craftPe();
    edit(bytes, new DataView(bytes.buffer));
    return bytes;
  };
}

function zip64(edit: (bytes: Uint8Array, view: DataView) => void): () => Uint8Array {
  return () => {
    const bytes = zip64Stored([{ path: 'setup.exe', data: craftPe() }, { path: 'readme.txt', data: strToU8(appxManifest()) }]);
    edit(bytes, new DataView(bytes.buffer));
    return bytes;
  };
}

/** Offsets within zip64Stored's tail: ZIP64 end record (56), locator (20), classic end record (22). */
const tail = (bytes: Uint8Array) => bytes.length - 98;

export const installerInputs: BadInput[] = [
  installer('truncated MSI', 'setup.msi', truncatedMsi, { verdict: 'error', message: /The MSI is truncated: .*sectors.*file ends at byte 1024/ }),
  installer('MSI cut after its header', 'setup.msi', () => truncatedMsi().subarray(0, 300), { verdict: 'error', message: /MSI header should be at bytes 0–512.*ends at byte 300/ }),
  installer('MSIX without a manifest', 'app.msix', msixWithout, { verdict: 'error', message: /no AppxManifest\.xml/ }),
  installer('MSIX manifest bomb', 'app.msix', msixBomb, { verdict: 'error', message: /AppxManifest\.xml inflates to more than the 2048 bytes/ }),
  installer('PE header offset past the end', 'setup.exe', peWith((_b, v) => v.setUint32(0x3c, 0x10000, true)), { verdict: 'error', message: /PE header should be at bytes 65536/ }),
  installer('PE header offset implausible', 'setup.exe', peWith((_b, v) => v.setUint32(0x3c, 0xfffffff0, true)), { verdict: 'error', message: /PE header offset .* implausible/ }),
  installer('PE signature missing', 'setup.exe', peWith((_b, v) => v.setUint32(0x40, 0x12345678, true)), { verdict: 'error', message: /no PE header/ }),
  installer('PE section past the end', 'setup.exe', peWith((_b, v) => v.setUint32(0x58 + 0xf0 + 20, 0x7fff0000, true)), { verdict: 'error', message: /section \.text ends at byte/ }),
  installer('PE with 65,535 sections', 'setup.exe', peWith((_b, v) => v.setUint16(0x46, 0xffff, true)), { verdict: 'error', message: /section table should be at bytes/ }),
  installer('zip64 locator past the end', 'tool.zip', zip64((b, v) => v.setBigUint64(tail(b) + 56 + 8, 1n << 40n, true)), { verdict: 'error', message: /ZIP64 end record should be at bytes 1099511627776/ }),
  installer('zip64 directory offset past the end', 'tool.zip', zip64((b, v) => v.setBigUint64(tail(b) + 48, 1n << 50n, true)), { verdict: 'error', message: /central directory should span bytes 1125899906842624/ }),
  installer('zip64 entry offset past the end', 'tool.zip', zip64((b) => {
    // The first central entry's ZIP64 extra field: size, compressed size, then the local header offset.
    new DataView(b.buffer).setBigUint64(findCentral(b) + 46 + 'setup.exe'.length + 20, 1n << 45n, true);
  }), { verdict: 'error', message: /setup\.exe should be at bytes 35184372088832/ }, 'setup.exe'),
  installer('zip64 claims 2^40 entries', 'tool.zip', zip64((b, v) => v.setBigUint64(tail(b) + 32, 1n << 40n, true)), { verdict: 'error', message: /central directory entry 3 of 1099511627776 is malformed/ }),
];

function findCentral(bytes: Uint8Array): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++) if (v.getUint32(i, true) === 0x02014b50) return i;
  throw new Error('no central directory entry');
}
