/*
 * The OLE property set in "\x05SummaryInformation": a header, one section, then (id, offset) pairs pointing at typed
 * values. MSI keeps its Template (platform;languages) and creating application here.
 */

export interface SummaryInfo {
  template?: string;
  creatingApplication?: string;
  subject?: string;
  author?: string;
}

const PID_CODEPAGE = 1;
const PID_SUBJECT = 3;
const PID_AUTHOR = 4;
const PID_TEMPLATE = 7;
const PID_APPNAME = 18;
const VT_I2 = 2;
const VT_LPSTR = 30;

export function readSummaryInfo(bytes: Uint8Array): SummaryInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 48 || view.getUint16(0, true) !== 0xfffe) return {};
  const section = view.getUint32(44, true);
  if (section + 8 > bytes.length) return {};
  const count = view.getUint32(section + 4, true);
  const values = new Map<number, number>();
  for (let i = 0; i < count && section + 16 + i * 8 <= bytes.length; i++) {
    values.set(view.getUint32(section + 8 + i * 8, true), section + view.getUint32(section + 12 + i * 8, true));
  }
  let codepage = 1252;
  const cp = values.get(PID_CODEPAGE);
  if (cp !== undefined && cp + 6 <= bytes.length && view.getUint32(cp, true) === VT_I2) codepage = view.getUint16(cp + 4, true);
  const decoder = (() => {
    try {
      return new TextDecoder(codepage === 65001 ? 'utf-8' : `windows-${codepage}`);
    } catch {
      return new TextDecoder('windows-1252');
    }
  })();
  const text = (id: number): string | undefined => {
    const at = values.get(id);
    if (at === undefined || at + 8 > bytes.length || view.getUint32(at, true) !== VT_LPSTR) return undefined;
    const length = view.getUint32(at + 4, true);
    const raw = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + length));
    const end = raw.indexOf(0);
    return decoder.decode(end >= 0 ? raw.subarray(0, end) : raw);
  };
  return { template: text(PID_TEMPLATE), creatingApplication: text(PID_APPNAME), subject: text(PID_SUBJECT), author: text(PID_AUTHOR) };
}
