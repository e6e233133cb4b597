/**
 * The installers as the client sees them after population (§D9): root values inherited with the client's
 * exceptions, switches merged key by key with the per-type defaults, enum values mapped case-insensitively.
 * Used only by the rules; each value remembers where it was written so findings point at the key to edit.
 */
import type { RuleId } from '../catalog';
import { atLeast } from '../../manifest-version';
import type { FieldPath, Finding, Severity } from '../../findings';
import { asRaw, finding, list, text, type Raw, type RuleContext } from './rule-context';

export type InstallerKind =
  | 'msix' | 'msi' | 'exe' | 'zip' | 'inno' | 'nullsoft' | 'wix' | 'burn' | 'msstore' | 'portable' | 'font' | 'unknown';

// `pwa` is in the schema enum but the client has no such installer type, so it populates as unknown.
const KNOWN_KINDS: ReadonlySet<string> = new Set([
  'msix', 'msi', 'exe', 'zip', 'inno', 'nullsoft', 'wix', 'burn', 'msstore', 'portable', 'font',
]);

export function installerKind(value: unknown): InstallerKind {
  const t = text(value).toLowerCase();
  if (t === 'appx') return 'msix';
  return KNOWN_KINDS.has(t) ? (t as InstallerKind) : 'unknown';
}

const PRODUCT_CODE_KINDS: ReadonlySet<InstallerKind> = new Set(['exe', 'inno', 'msi', 'nullsoft', 'wix', 'burn', 'portable']);

export const usesProductCode = (k: InstallerKind): boolean => PRODUCT_CODE_KINDS.has(k);
/** The same list: the types that write an Apps and Features entry. */
export const writesAppsAndFeatures = (k: InstallerKind): boolean => PRODUCT_CODE_KINDS.has(k);
export const usesPackageFamilyName = (k: InstallerKind): boolean => k === 'msix' || k === 'msstore';
/** An Apps and Features entry of type msix: an installer (often an exe) that installs an MSIX, so a PackageFamilyName fits. */
export const hasMsixAppsAndFeaturesEntry = (values: Raw): boolean =>
  list(values['AppsAndFeaturesEntries']).some((e) => installerKind(asRaw(e)?.['InstallerType']) === 'msix');

export const SWITCH_KEYS = [
  'Silent', 'SilentWithProgress', 'Interactive', 'InstallLocation', 'Log', 'Upgrade', 'Custom', 'Repair',
] as const;
export type SwitchKey = (typeof SWITCH_KEYS)[number];

const MSI_DEFAULTS: Partial<Record<SwitchKey, string>> = {
  Silent: '/quiet /norestart',
  SilentWithProgress: '/passive /norestart',
  Log: '/log "<LOGPATH>"',
  InstallLocation: 'TARGETDIR="<INSTALLPATH>"',
};

const DEFAULT_SWITCHES: Partial<Record<InstallerKind, Partial<Record<SwitchKey, string>>>> = {
  msi: MSI_DEFAULTS,
  wix: MSI_DEFAULTS,
  burn: MSI_DEFAULTS,
  nullsoft: { Silent: '/S', SilentWithProgress: '/S', InstallLocation: '/D=<INSTALLPATH>' },
  inno: {
    Silent: '/SP- /VERYSILENT /SUPPRESSMSGBOXES /NORESTART',
    SilentWithProgress: '/SP- /SILENT /SUPPRESSMSGBOXES /NORESTART',
    Log: '/LOG="<LOGPATH>"',
    InstallLocation: '/DIR="<INSTALLPATH>"',
  },
};

// Fields the client does not know in older manifests are "unknown" and never populated (§D2).
const INTRODUCED_IN: Readonly<Record<string, string>> = {
  AppsAndFeaturesEntries: '1.1.0',
  Markets: '1.1.0',
  ExpectedReturnCodes: '1.1.0',
  NestedInstallerType: '1.4.0',
  NestedInstallerFiles: '1.4.0',
  Authentication: '1.10.0',
  DesiredStateConfiguration: '1.28.0',
};

/** Root keys that describe the package, not an installer. */
const ROOT_ONLY = new Set(['PackageIdentifier', 'PackageVersion', 'Channel', 'ManifestType', 'ManifestVersion', 'Installers']);

export type Origin = 'root' | 'installer';

export interface EffectiveSwitch {
  value: string;
  /** `default` for the per-type switches the client adds (§D9). */
  origin: Origin | 'default';
}

export interface EffectiveInstaller {
  index: number;
  values: Raw;
  origins: ReadonlyMap<string, Origin>;
  baseType: InstallerKind;
  /** The NestedInstallerType, when the base type is zip. */
  nestedType: InstallerKind;
  /** The nested type for zip, the installer type otherwise. */
  effectiveType: InstallerKind;
  switches: ReadonlyMap<SwitchKey, EffectiveSwitch>;
}

export function effectiveInstallers(ctx: RuleContext): EffectiveInstaller[] {
  const root = asRaw(ctx.set.installer) ?? {};
  const known = (key: string): boolean => {
    const since = INTRODUCED_IN[key];
    return since === undefined || atLeast(ctx.manifestVersion, since);
  };
  return list(root['Installers']).map((item, index) => {
    const own = asRaw(item) ?? {};
    const values: Record<string, unknown> = {};
    const origins = new Map<string, Origin>();
    const take = (key: string, value: unknown, origin: Origin): void => {
      if (value === undefined || value === null || value === '' || !known(key)) return;
      values[key] = value;
      origins.set(key, origin);
    };
    for (const [key, value] of Object.entries(root)) if (!ROOT_ONLY.has(key)) take(key, value, 'root');
    for (const [key, value] of Object.entries(own)) take(key, value, 'installer');

    const baseType = installerKind(values['InstallerType']);
    // Type-dependent inheritance: drop root values the client would not have copied.
    const dropRoot = (key: string, keep: boolean): void => {
      if (!keep && origins.get(key) === 'root') {
        delete values[key];
        origins.delete(key);
      }
    };
    dropRoot('NestedInstallerType', baseType === 'zip');
    dropRoot('NestedInstallerFiles', baseType === 'zip');
    const nestedType = baseType === 'zip' ? installerKind(values['NestedInstallerType']) : 'unknown';
    const effectiveType = baseType === 'zip' ? nestedType : baseType;
    dropRoot('ProductCode', usesProductCode(effectiveType));
    dropRoot('AppsAndFeaturesEntries', writesAppsAndFeatures(effectiveType));
    dropRoot('PackageFamilyName', usesPackageFamilyName(effectiveType) || hasMsixAppsAndFeaturesEntry(values));

    return {
      index,
      values,
      origins,
      baseType,
      nestedType,
      effectiveType,
      switches: mergeSwitches(root, own, effectiveType, ctx.manifestVersion),
    };
  });
}

function mergeSwitches(root: Raw, own: Raw, type: InstallerKind, manifestVersion: string): Map<SwitchKey, EffectiveSwitch> {
  const out = new Map<SwitchKey, EffectiveSwitch>();
  const rootSwitches = asRaw(root['InstallerSwitches']) ?? {};
  const ownSwitches = asRaw(own['InstallerSwitches']) ?? {};
  const defaults = DEFAULT_SWITCHES[type] ?? {};
  for (const key of SWITCH_KEYS) {
    if (key === 'Repair' && !atLeast(manifestVersion, '1.7.0')) continue;
    const mine = text(ownSwitches[key]);
    const inherited = text(rootSwitches[key]);
    const fallback = defaults[key];
    if (mine !== '') out.set(key, { value: mine, origin: 'installer' });
    else if (inherited !== '') out.set(key, { value: inherited, origin: 'root' });
    else if (fallback !== undefined) out.set(key, { value: fallback, origin: 'default' });
  }
  return out;
}

/** Where a key of this installer is written: its own key, the root key it inherits, or the item when absent. */
export function keyPath(inst: EffectiveInstaller, key: string, ...rest: FieldPath): FieldPath {
  const origin = inst.origins.get(key);
  if (origin === 'root') return [key, ...rest];
  if (origin === 'installer') return ['Installers', inst.index, key, ...rest];
  return ['Installers', inst.index];
}

/** A finding at `key` of this installer; for an absent key it points at the installer item and names the key. */
export function reportAt(
  ctx: RuleContext,
  inst: EffectiveInstaller,
  rule: RuleId,
  severity: Severity,
  message: string,
  key: string,
  ...rest: FieldPath
): Finding {
  const path = keyPath(inst, key, ...rest);
  const field = inst.origins.has(key) ? undefined : ['Installers', inst.index, key];
  return finding(ctx, rule, severity, message, 'installer', path, field);
}

/** A finding at one switch; a default switch is not written anywhere, so it points at the installer item. */
export function reportAtSwitch(
  ctx: RuleContext,
  inst: EffectiveInstaller,
  rule: RuleId,
  severity: Severity,
  message: string,
  key: SwitchKey,
): Finding {
  const origin = inst.switches.get(key)?.origin;
  if (origin === 'installer') return finding(ctx, rule, severity, message, 'installer', ['Installers', inst.index, 'InstallerSwitches', key]);
  if (origin === 'root') return finding(ctx, rule, severity, message, 'installer', ['InstallerSwitches', key]);
  return finding(ctx, rule, severity, message, 'installer', ['Installers', inst.index], ['Installers', inst.index, 'InstallerSwitches', key]);
}
