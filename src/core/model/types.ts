import type {
  DefaultLocaleManifest,
  InstallerManifest,
  LocaleManifest,
  VersionManifest,
} from '../schema';

/**
 * One package version as the four kinds of file hold it. Installer values stay where the files put them
 * (root or per installer); `expandInstallers` / `hoistInstallers` in model/installers.ts move between the
 * written layout and the effective per-installer view the editor shows.
 */
export interface ManifestSet {
  version: VersionManifest;
  installer: InstallerManifest;
  defaultLocale: DefaultLocaleManifest;
  locales: LocaleManifest[];
}

export type ManifestFileKind = 'version' | 'installer' | 'defaultLocale' | 'locale';
