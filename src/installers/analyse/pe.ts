import { TruncatedError } from './byte-source';
import { readPe, readResource, type PeImage } from './pe-format';
import { parseVersionInfo, type VersionInfo } from './pe-version';
import { failed, Suggestions } from './suggest';
import type { ByteSource, InstallerAnalysis, InstallerKind } from './types';

const MACHINES: Record<number, string> = { 0x14c: 'x86', 0x8664: 'x64', 0xaa64: 'arm64', 0x1c4: 'arm' };
const RT_VERSION = 16;
const FROM_VERSION = 'from the PE version resource';
const SCAN_IMAGE = 8 << 20;
const SCAN_OVERLAY = 64 << 10;
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16 = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));

const INNO_MARKERS = [ascii('Inno Setup Setup Data'), ascii('InnoSetupLdrWindow'), utf16('InnoSetupLdrWindow'), ascii('rDlPtS')];
const NSIS_FIRST_HEADER = Uint8Array.from([0xef, 0xbe, 0xad, 0xde, ...ascii('NullsoftInst')]);

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  for (let i = haystack.indexOf(first ?? 0, from); i >= 0 && i + needle.length <= haystack.length; i = haystack.indexOf(first ?? 0, i + 1)) {
    let k = 1;
    while (k < needle.length && haystack[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

interface Technology {
  kind: InstallerKind;
  evidence: string;
}

async function detectTechnology(source: ByteSource, pe: PeImage, version: VersionInfo): Promise<Technology | undefined> {
  if (pe.sections.some((s) => s.name === '.wixburn')) return { kind: 'burn', evidence: 'the .wixburn section of a WiX Burn bundle' };
  const overlayEnd = pe.certificate ? Math.min(pe.certificate.offset, source.size) : source.size;
  const overlay = pe.overlayStart < overlayEnd ? await source.read(pe.overlayStart, Math.min(SCAN_OVERLAY, overlayEnd - pe.overlayStart)) : new Uint8Array(0);
  const nsis = indexOf(overlay, NSIS_FIRST_HEADER);
  if (nsis >= 4) {
    const view = new DataView(overlay.buffer, overlay.byteOffset, overlay.byteLength);
    // The first header's last field is the length of all the data it describes, itself included.
    const length = nsis + 24 <= overlay.length ? view.getUint32(nsis + 20, true) : 0;
    const start = pe.overlayStart + nsis - 4;
    if (length > 0 && start + length > overlayEnd) {
      throw new TruncatedError(`The NSIS installer is truncated: its data should end at byte ${start + length} but the file ends at byte ${overlayEnd}`);
    }
    return { kind: 'nullsoft', evidence: 'the NullsoftInst header of a Nullsoft (NSIS) installer' };
  }
  if (/inno setup/i.test(version.strings.Comments ?? '')) return { kind: 'inno', evidence: 'the Comments of the PE version resource (Inno Setup)' };
  const image = await source.read(0, Math.min(SCAN_IMAGE, pe.overlayStart, source.size));
  if (INNO_MARKERS.some((m) => indexOf(image, m) >= 0 || indexOf(overlay, m) >= 0)) return { kind: 'inno', evidence: 'the Inno Setup loader markers in the EXE' };
  return undefined;
}

export async function analysePe(source: ByteSource): Promise<InstallerAnalysis> {
  const notes: string[] = [];
  try {
    const pe = await readPe(source);
    const versionBytes = await readResource(source, pe, RT_VERSION).catch(() => undefined);
    const version = versionBytes ? parseVersionInfo(versionBytes) : { strings: {} };
    if (!versionBytes) notes.push('The EXE has no version resource, so it does not name its publisher, product or version.');
    const technology = await detectTechnology(source, pe, version);

    const s = new Suggestions(FROM_VERSION);
    if (technology) {
      s.add('InstallerType', technology.kind, { source: `from ${technology.evidence}` });
    } else {
      s.add('InstallerType', 'exe', { certain: false, source: 'from the PE header (no known installer framework found)' });
      notes.push('Could be a portable app; choose portable if it runs without installing.');
    }
    const arch = MACHINES[pe.machine];
    if (arch) {
      s.add('Architecture', arch, { certain: arch !== 'x86', source: `from the PE header (COFF machine 0x${pe.machine.toString(16)})` });
      if (arch === 'x86' && technology) notes.push('The installer program is 32-bit; it may still install a 64-bit application.');
    } else {
      notes.push(`Unknown PE machine type 0x${pe.machine.toString(16)}.`);
    }
    const str = version.strings;
    s.add('Publisher', str.CompanyName, { target: 'defaultLocale', certain: false, source: `${FROM_VERSION} (CompanyName)` });
    s.add('PackageName', str.ProductName, { target: 'defaultLocale', certain: false, source: `${FROM_VERSION} (ProductName)` });
    const [versionKey, productVersion] = str.ProductVersion
      ? ['ProductVersion', str.ProductVersion]
      : str.FileVersion
        ? ['FileVersion', str.FileVersion]
        : ['fixed ProductVersion', version.fixedProductVersion];
    s.add('PackageVersion', productVersion, { target: 'version', certain: false, source: `${FROM_VERSION} (${versionKey})` });
    s.add('Copyright', str.LegalCopyright, { target: 'defaultLocale', certain: false, source: `${FROM_VERSION} (LegalCopyright)` });
    return { kind: technology?.kind ?? 'exe', suggestions: s.list, notes };
  } catch (error) {
    return failed('exe', error, { notes });
  }
}

