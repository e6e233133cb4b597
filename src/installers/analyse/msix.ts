import { sha256Hex } from '../hash/sha256';
import { TruncatedError } from './byte-source';
import { packageFamilyName } from './publisher-id';
import { failed, Suggestions } from './suggest';
import type { ByteSource, InstallerAnalysis, InstallerKind, Suggestion } from './types';
import { elementText, findElements } from './xml-attributes';
import { listZip, readZipEntry, storedEntrySource, type ZipEntry } from './zip-reader';

const MANIFEST = 'AppxManifest.xml';
const BUNDLE_MANIFEST = 'AppxMetadata/AppxBundleManifest.xml';
const SIGNATURE = 'AppxSignature.p7x';
const PLATFORMS = new Set(['Windows.Desktop', 'Windows.Universal']);
const XML_LIMIT = 16 << 20;
const utf8 = new TextDecoder('utf-8');

function find(entries: ZipEntry[], path: string): ZipEntry | undefined {
  const lower = path.toLowerCase();
  return entries.find((e) => e.path.replace(/\\/g, '/').toLowerCase() === lower);
}

async function readText(source: ByteSource, entry: ZipEntry): Promise<string> {
  return utf8.decode(await readZipEntry(source, entry, XML_LIMIT, 'package')).replace(/^\uFEFF/, '');
}

/** Upper-case hex SHA-256 of AppxSignature.p7x, or undefined (with a note) for an unsigned package. */
async function signatureHash(source: ByteSource, entries: ZipEntry[], notes: string[]): Promise<string | undefined> {
  const entry = find(entries, SIGNATURE);
  if (!entry) {
    notes.push(`Unsigned package: there is no ${SIGNATURE}, so SignatureSha256 cannot be computed.`);
    return undefined;
  }
  return (await sha256Hex(await readZipEntry(source, entry, 64 << 20, 'package'))).toUpperCase();
}

/** MinimumOSVersion and Platform from the TargetDeviceFamily elements winget understands. */
function deviceFamilies(xml: string): { platforms: string[]; minVersion?: string } {
  const platforms: string[] = [];
  let minVersion: string | undefined;
  const parts = (v: string) => v.split('.').map((n) => Number(n) || 0);
  const lower = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
    return false;
  };
  for (const family of findElements(xml, 'TargetDeviceFamily')) {
    const name = family.attributes.Name ?? '';
    if (!PLATFORMS.has(name)) continue;
    if (!platforms.includes(name)) platforms.push(name);
    const min = family.attributes.MinVersion;
    if (min && (!minVersion || lower(min, minVersion))) minVersion = min;
  }
  return { platforms, minVersion };
}

function displayText(value: string | undefined): string | undefined {
  // Localised names point into resources.pri, which is not worth decoding here.
  return value && !value.startsWith('ms-resource:') ? value : undefined;
}

async function identitySuggestions(xml: string, s: Suggestions, what: string): Promise<{ name?: string; arch?: string }> {
  const identity = findElements(xml, 'Identity')[0];
  if (!identity) throw new TruncatedError(`${what} has no Identity element`);
  const { Name: name, Publisher: publisher, Version: version, ProcessorArchitecture: arch } = identity.attributes;
  if (name && publisher) s.add('PackageFamilyName', await packageFamilyName(name, publisher));
  s.add('PackageVersion', version, { target: 'version', certain: false });
  s.add('Publisher', displayText(elementText(xml, 'PublisherDisplayName')), { target: 'defaultLocale', certain: false });
  s.add('PackageName', displayText(elementText(xml, 'DisplayName')), { target: 'defaultLocale', certain: false });
  return { name, arch };
}

function kindOf(fileName: string, bundle: boolean): InstallerKind {
  const appx = /\.e?appx(bundle)?$/i.test(fileName);
  if (bundle) return appx ? 'appxbundle' : 'msixbundle';
  return appx ? 'appx' : 'msix';
}

/** The InstallerType winget wants for an MSIX/APPX package or bundle is `msix` or `appx`. */
function installerType(kind: InstallerKind): string {
  return kind === 'appx' || kind === 'appxbundle' ? 'appx' : 'msix';
}

export async function analyseMsix(source: ByteSource, fileName: string, entries?: ZipEntry[]): Promise<InstallerAnalysis> {
  const notes: string[] = [];
  let kind = kindOf(fileName, false);
  try {
    const all = entries ?? (await listZip(source, 'package'));
    const bundleEntry = find(all, BUNDLE_MANIFEST);
    kind = kindOf(fileName, bundleEntry !== undefined);
    if (bundleEntry) return await analyseBundle(source, all, bundleEntry, kind, notes);
    const manifestEntry = find(all, MANIFEST);
    if (!manifestEntry) throw new TruncatedError(`This zip is not an MSIX/APPX package: it has no ${MANIFEST}`);
    const xml = await readText(source, manifestEntry);
    const s = new Suggestions(`from ${MANIFEST}`);
    s.add('InstallerType', installerType(kind), { source: `from ${MANIFEST} in the package` });
    const { arch } = await identitySuggestions(xml, s, MANIFEST);
    s.add('Architecture', arch);
    s.add('SignatureSha256', await signatureHash(source, all, notes), { source: `from ${SIGNATURE}` });
    const { platforms, minVersion } = deviceFamilies(xml);
    s.add('MinimumOSVersion', minVersion, { source: `from ${MANIFEST} (TargetDeviceFamily MinVersion)` });
    s.add('Platform', platforms, { source: `from ${MANIFEST} (TargetDeviceFamily)` });
    return { kind, suggestions: s.list, notes };
  } catch (error) {
    return failed(kind, error, { notes });
  }
}

async function analyseBundle(source: ByteSource, all: ZipEntry[], bundleEntry: ZipEntry, kind: InstallerKind, notes: string[]): Promise<InstallerAnalysis> {
  const xml = await readText(source, bundleEntry);
  const s = new Suggestions(`from ${BUNDLE_MANIFEST}`);
  s.add('InstallerType', installerType(kind), { source: `from ${BUNDLE_MANIFEST}` });
  await identitySuggestions(xml, s, BUNDLE_MANIFEST);
  s.add('SignatureSha256', await signatureHash(source, all, notes), { source: `from ${SIGNATURE} of the bundle` });
  const shared = s.list;
  const variants: { label: string; suggestions: Suggestion[] }[] = [];
  for (const pkg of findElements(xml, 'Package')) {
    const { Type: type, Architecture: arch, FileName: file } = pkg.attributes;
    if (type !== 'application' || !arch) continue;
    const v = new Suggestions(`from ${BUNDLE_MANIFEST}`);
    v.add('Architecture', arch, { source: `from ${BUNDLE_MANIFEST} (package ${file ?? arch})` });
    // Newer bundle manifests repeat each package's device families; older ones need the inner package's manifest.
    let families = deviceFamilies(xml.slice(pkg.start, pkg.end));
    let familySource = BUNDLE_MANIFEST;
    const inner = file ? find(all, file) : undefined;
    if (families.platforms.length === 0 && inner) {
      const innerXml = await innerManifest(source, inner);
      if (innerXml) {
        families = deviceFamilies(innerXml);
        familySource = `${MANIFEST} of ${file}`;
      }
    }
    v.add('MinimumOSVersion', families.minVersion, { source: `from ${familySource} (TargetDeviceFamily MinVersion)` });
    v.add('Platform', families.platforms, { source: `from ${familySource} (TargetDeviceFamily)` });
    variants.push({ label: arch, suggestions: [...shared, ...v.list] });
  }
  if (variants.length === 0) notes.push(`The bundle lists no application packages in ${BUNDLE_MANIFEST}.`);
  return { kind, suggestions: shared, variants, notes };
}

async function innerManifest(source: ByteSource, inner: ZipEntry): Promise<string | undefined> {
  // Packages inside a bundle are stored uncompressed, so they can be read in place.
  const packageSource = await storedEntrySource(source, inner, 'bundle');
  if (!packageSource) return undefined;
  const innerEntries = await listZip(packageSource, inner.path);
  const manifest = find(innerEntries, MANIFEST);
  return manifest ? readText(packageSource, manifest) : undefined;
}
