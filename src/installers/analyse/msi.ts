import { openCompoundFile } from './compound-file';
import { lcidToTag } from './lcid';
import { openMsiDatabase } from './msi-database';
import { failed, Suggestions } from './suggest';
import { readSummaryInfo } from './summary-info';
import type { ByteSource, InstallerAnalysis } from './types';

const FROM_PROPERTIES = 'from the MSI Property table';
const FROM_SUMMARY = 'from the MSI summary information (Template)';

const PLATFORMS: Record<string, string> = { intel: 'x86', x64: 'x64', amd64: 'x64', arm64: 'arm64', arm: 'arm' };

/** "x64;1033" → x64. An empty platform means Intel (x86) per the Windows Installer documentation. */
export function templateArchitecture(template: string): string | undefined {
  const platform = (template.split(';')[0] ?? '').trim().toLowerCase();
  return platform === '' ? 'x86' : PLATFORMS[platform];
}

/** WiX stamps its name on the creating application and its UI extension leaves WixUI_* properties behind. */
export function isWixBuilt(creatingApplication: string | undefined, tables: string[], properties: Map<string, string>): boolean {
  if (creatingApplication && /windows installer xml|wix toolset/i.test(creatingApplication)) return true;
  if (tables.some((t) => /^wix/i.test(t))) return true;
  return [...properties.keys()].some((p) => /^wix/i.test(p));
}

function scopeOf(properties: Map<string, string>): { scope: string; certain: boolean; note?: string } {
  const allUsers = (properties.get('ALLUSERS') ?? '').trim();
  const perUser = (properties.get('MSIINSTALLPERUSER') ?? '').trim();
  if (allUsers === '1') return { scope: 'machine', certain: true };
  if (allUsers === '2') {
    return perUser === '1'
      ? { scope: 'user', certain: false, note: 'Dual-purpose MSI (ALLUSERS=2, MSIINSTALLPERUSER=1): installs per user by default, per machine when run elevated with MSIINSTALLPERUSER=""' }
      : { scope: 'machine', certain: false, note: 'Dual-purpose MSI (ALLUSERS=2): installs per machine by default, per user with MSIINSTALLPERUSER=1' };
  }
  return { scope: 'user', certain: true };
}

export async function analyseMsi(source: ByteSource): Promise<InstallerAnalysis> {
  const notes: string[] = [];
  try {
    const file = await openCompoundFile(source, 'MSI');
    const db = await openMsiDatabase(file);
    const properties = new Map((await db.stringTable('Property', 2)).map(([k, v]) => [k ?? '', v ?? '']));
    if (properties.size === 0) notes.push('The MSI has no Property table.');
    const summaryBytes = await db.stream('\u0005SummaryInformation');
    const summary = summaryBytes ? readSummaryInfo(summaryBytes) : {};
    const tables = await db.tableNames();
    const wix = isWixBuilt(summary.creatingApplication, tables, properties);

    const s = new Suggestions(FROM_PROPERTIES);
    s.add('InstallerType', wix ? 'wix' : 'msi', {
      source: wix ? 'from the MSI summary information and tables (built with WiX)' : 'from the file signature (OLE compound file with an MSI database)',
    });
    if (summary.template !== undefined) {
      const arch = templateArchitecture(summary.template);
      if (arch) s.add('Architecture', arch, { source: FROM_SUMMARY });
      else notes.push(`Unrecognised MSI platform in Template "${summary.template}".`);
    }
    const get = (k: string) => properties.get(k)?.trim() || undefined;
    const productCode = get('ProductCode');
    const upgradeCode = get('UpgradeCode');
    const version = get('ProductVersion');
    const manufacturer = get('Manufacturer');
    const productName = get('ProductName');
    s.add('ProductCode', productCode);
    const scope = scopeOf(properties);
    s.add('Scope', scope.scope, { certain: scope.certain, source: `${FROM_PROPERTIES} (ALLUSERS${properties.has('MSIINSTALLPERUSER') ? ', MSIINSTALLPERUSER' : ''})` });
    if (scope.note) notes.push(scope.note);
    const language = Number(get('ProductLanguage') ?? '0');
    const locale = lcidToTag(language);
    s.add('InstallerLocale', locale, { source: `${FROM_PROPERTIES} (ProductLanguage ${language})` });
    if (!locale && language !== 0) notes.push(`ProductLanguage ${language} is not a language Wingsmith can name; set InstallerLocale by hand.`);
    const entry: Record<string, string> = {};
    if (productName) entry.DisplayName = productName;
    if (manufacturer) entry.Publisher = manufacturer;
    if (version) entry.DisplayVersion = version;
    if (productCode) entry.ProductCode = productCode;
    if (upgradeCode) entry.UpgradeCode = upgradeCode;
    if (Object.keys(entry).length > 0) {
      s.list.push({
        field: 'AppsAndFeaturesEntries',
        target: 'installer',
        value: [entry],
        source: FROM_PROPERTIES,
        certain: true,
        omitWhenEqualToPackageVersion: ['DisplayVersion'],
      });
    }
    s.add('PackageVersion', version, { target: 'version', certain: false, source: `${FROM_PROPERTIES} (ProductVersion)` });
    s.add('Publisher', manufacturer, { target: 'defaultLocale', certain: false, source: `${FROM_PROPERTIES} (Manufacturer)` });
    s.add('PackageName', productName, { target: 'defaultLocale', certain: false, source: `${FROM_PROPERTIES} (ProductName)` });
    return { kind: wix ? 'wix' : 'msi', suggestions: s.list, notes };
  } catch (error) {
    return failed('msi', error, { notes });
  }
}
