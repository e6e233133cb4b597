/**
 * Splitting a singleton manifest (one file holding everything, the 1.0-era layout) into the multi-file set the
 * community repository wants. Which key goes to which file follows each file's schema.
 */
import { DEFAULT_MANIFEST_VERSION } from '../manifest-version';
import type {
  DefaultLocaleManifest,
  InstallerManifest,
  SingletonManifest,
  VersionManifest,
} from '../schema';
import { fieldTree } from '../schema';
import { clone } from './installers';
import type { ManifestSet } from './types';

type Obj = Record<string, unknown>;

/** Keys every file of a set carries; set separately for each file. */
const IDENTITY = new Set(['PackageIdentifier', 'PackageVersion', 'ManifestType', 'ManifestVersion']);

export function singletonToSet(singleton: SingletonManifest): ManifestSet {
  const source = singleton as unknown as Obj;
  const manifestVersion =
    typeof source.ManifestVersion === 'string' && source.ManifestVersion !== ''
      ? source.ManifestVersion
      : DEFAULT_MANIFEST_VERSION;
  const identity = { PackageIdentifier: source.PackageIdentifier, PackageVersion: source.PackageVersion };

  const versionFields = new Set(fieldTree('version', manifestVersion).fields.map((f) => f.name));
  const installerFields = new Set(fieldTree('installer', manifestVersion).fields.map((f) => f.name));
  const localeFields = new Set(fieldTree('defaultLocale', manifestVersion).fields.map((f) => f.name));

  const version: Obj = { ...identity };
  const installer: Obj = { ...identity };
  const defaultLocale: Obj = { ...identity };
  for (const [key, value] of Object.entries(source)) {
    if (IDENTITY.has(key) || value === undefined) continue;
    // Schemas share no keys beyond the identity ones, so the first match is the only one.
    if (installerFields.has(key)) installer[key] = clone(value);
    else if (localeFields.has(key)) defaultLocale[key] = clone(value);
    else if (versionFields.has(key)) version[key] = clone(value);
  }
  version.DefaultLocale = source.PackageLocale;
  version.ManifestType = 'version';
  version.ManifestVersion = manifestVersion;
  installer.ManifestType = 'installer';
  installer.ManifestVersion = manifestVersion;
  defaultLocale.ManifestType = 'defaultLocale';
  defaultLocale.ManifestVersion = manifestVersion;

  return {
    version: version as unknown as VersionManifest,
    installer: installer as unknown as InstallerManifest,
    defaultLocale: defaultLocale as unknown as DefaultLocaleManifest,
    locales: [],
  };
}
