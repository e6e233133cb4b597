import type { RuleId } from './catalog';
import type { Finding } from '../findings';
import { isPreviewVersion, parseManifestVersion } from '../manifest-version';

/** What the structural pass needs to know of each file: its exact-key root scalars and where they are. */
export interface StructuralFile {
  name: string;
  /** Exact-case root scalar lookup (the client uses exact names here). */
  rootScalar(key: string): string | undefined;
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

const KNOWN_TYPES = new Set(['singleton', 'version', 'installer', 'defaultLocale', 'locale', 'merged', 'shadow']);

export interface StructureResult {
  findings: Finding[];
  manifestVersion: string;
  /** False when the client would stop before the schema pass (bad or unsupported ManifestVersion, unknown type). */
  canContinue: boolean;
  preview: boolean;
}

/** §B of the rules: ManifestVersion, per-file required keys, ManifestType values and multi-file consistency. */
export function checkStructure(files: readonly StructuralFile[], full: boolean): StructureResult {
  const findings: Finding[] = [];
  const first = files[0];
  if (!first) return { findings, manifestVersion: '0.1.0', canContinue: false, preview: false };

  // A missing key is pointed at the file's root (where locate stops); one that is there but is no single value
  // (a list, a mapping) at itself, since that is what to fix.
  const err = (file: StructuralFile, key: string, message: string, rule: RuleId) => {
    const at = file.locate(key ? [key] : []);
    findings.push({ severity: 'error', rule, message, file: file.name, line: at.line, column: at.column, field: key });
  };

  const manifestVersion = first.rootScalar('ManifestVersion') ?? '0.1.0';
  const parsed = parseManifestVersion(manifestVersion);
  if (!parsed || !/^\d+(\.\d+){0,2}(-\S+)?$/.test(manifestVersion)) {
    err(first, 'ManifestVersion', `Invalid field value. [ManifestVersion] Value: ${manifestVersion}`, 'structure-manifest-version');
    return { findings, manifestVersion, canContinue: false, preview: false };
  }
  if (parsed.major > 1) {
    err(first, 'ManifestVersion', `Unsupported ManifestVersion: ${manifestVersion}. Wingsmith and the winget client read 1.x manifests.`, 'structure-manifest-version');
    return { findings, manifestVersion, canContinue: false, preview: false };
  }
  if (isPreviewVersion(manifestVersion)) {
    if (files.length > 1) {
      err(first, '', 'Preview manifest does not support multi file manifest format.', 'structure-preview-multi-file');
      return { findings, manifestVersion, canContinue: false, preview: true };
    }
    return { findings, manifestVersion, canContinue: true, preview: true };
  }

  let canContinue = true;
  const types = files.map((file) => {
    for (const key of ['PackageIdentifier', 'PackageVersion', 'ManifestVersion'] as const) {
      if (file.rootScalar(key) === undefined) err(file, key, `Required field missing. [${key}]`, 'structure-required');
    }
    const type = file.rootScalar('ManifestType');
    if (type === undefined) {
      err(file, 'ManifestType', 'The multi file manifest has inconsistent field values. [ManifestType] (ManifestType is missing)', 'structure-manifest-type');
    } else if (!KNOWN_TYPES.has(type)) {
      err(file, 'ManifestType', `Unsupported ManifestType: ${type}. Use one of singleton, version, installer, defaultLocale, locale.`, 'structure-manifest-type');
      canContinue = false;
    } else if (type === 'version' && file.rootScalar('DefaultLocale') === undefined) {
      err(file, 'DefaultLocale', 'Required field missing. [DefaultLocale]', 'structure-required');
    } else if ((type === 'singleton' || type === 'defaultLocale' || type === 'locale') && file.rootScalar('PackageLocale') === undefined) {
      err(file, 'PackageLocale', 'Required field missing. [PackageLocale]', 'structure-required');
    }
    return type;
  });
  if (!canContinue) return { findings, manifestVersion, canContinue, preview: false };

  if (files.length === 1) {
    const type = types[0];
    if (type !== undefined && type !== 'singleton' && type !== 'merged') {
      err(first, 'ManifestType', `The multi file manifest is incomplete. A ${type} file needs the version, installer and defaultLocale files beside it.`, 'structure-incomplete');
    } else if (full && type === 'merged') {
      err(first, 'ManifestType', 'Field value is not supported. [ManifestType] Value: merged', 'structure-manifest-type');
    }
    return { findings, manifestVersion, canContinue, preview: false };
  }

  checkMultiFile(files, types, err);
  return { findings, manifestVersion, canContinue, preview: false };
}

function checkMultiFile(
  files: readonly StructuralFile[],
  types: readonly (string | undefined)[],
  err: (file: StructuralFile, key: string, message: string, rule: RuleId) => void,
): void {
  const first = files[0]!;
  for (const file of files.slice(1)) {
    for (const key of ['PackageIdentifier', 'PackageVersion', 'ManifestVersion'] as const) {
      const value = file.rootScalar(key);
      if (value !== undefined && value !== first.rootScalar(key)) {
        err(file, key, `The multi file manifest has inconsistent field values. [${key}] Value: ${value}`, 'structure-consistency');
      }
    }
  }
  const seen = new Map<string, StructuralFile>();
  const locales = new Map<string, StructuralFile>();
  files.forEach((file, i) => {
    const type = types[i];
    if (type === undefined) return;
    if (type === 'singleton' || type === 'merged') {
      err(file, 'ManifestType', `The multi file manifest should not contain file with the particular ManifestType. [ManifestType] Value: ${type}`, 'structure-manifest-type');
    } else if (type === 'shadow') {
      err(file, 'ManifestType', 'Shadow manifest is not allowed.', 'structure-manifest-type');
    } else if (type !== 'locale' && seen.has(type)) {
      err(file, 'ManifestType', `The multi file manifest should contain only one file with the particular ManifestType. [ManifestType] Value: ${type}`, 'structure-manifest-type');
    }
    if (!seen.has(type)) seen.set(type, file);
    if (type === 'defaultLocale' || type === 'locale') {
      const locale = file.rootScalar('PackageLocale');
      if (locale !== undefined) {
        if (locales.has(locale)) {
          err(file, 'PackageLocale', `The multi file manifest contains duplicate PackageLocale. [PackageLocale] Value: ${locale}`, 'structure-duplicate-locale');
        }
        locales.set(locale, file);
      }
    }
  });
  const missing = ['version', 'installer', 'defaultLocale'].filter((t) => !seen.has(t));
  if (missing.length > 0) {
    err(first, '', `The multi file manifest is incomplete. Missing: ${missing.map((t) => `${t} file`).join(', ')}.`, 'structure-incomplete');
  }
  const versionFile = seen.get('version');
  const defaultLocaleFile = seen.get('defaultLocale');
  if (versionFile && defaultLocaleFile) {
    const declared = versionFile.rootScalar('DefaultLocale');
    const actual = defaultLocaleFile.rootScalar('PackageLocale');
    if (declared !== undefined && actual !== undefined && declared !== actual) {
      err(versionFile, 'DefaultLocale', `DefaultLocale value in version manifest does not match PackageLocale value in defaultLocale manifest (${declared} ≠ ${actual}).`, 'structure-default-locale');
    }
  }
}
