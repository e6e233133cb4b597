/** A package version's installers as the client populates them (root values inherited), read from file text. */
import { expandInstallers } from '../core/model/installers';
import { readManifestFile } from '../core/read/read-file';
import type { Installer, InstallerManifest } from '../core/schema';

export interface ManifestText {
  name: string;
  text: string;
}

const isInstallerName = (name: string): boolean => name.toLowerCase().endsWith('.installer.yaml');

/**
 * The installers of whichever file is the installer (or singleton) manifest; [] when none reads. Installer-named
 * files are tried first so the locale files are usually never parsed.
 */
export function installersOf(files: readonly ManifestText[]): Installer[] {
  const ordered = [...files.filter((f) => isInstallerName(f.name)), ...files.filter((f) => !isInstallerName(f.name))];
  for (const file of ordered) {
    const parsed = readManifestFile({ name: file.name, data: file.text });
    if (parsed.value && (parsed.manifestType === 'installer' || parsed.manifestType === 'singleton')) {
      return expandInstallers(parsed.value as unknown as InstallerManifest);
    }
  }
  return [];
}

/** The one file of a repository version that holds its installers: `<Id>.installer.yaml`, else a lone singleton. */
export function installerFilePath(paths: readonly string[]): string | undefined {
  return paths.find(isInstallerName) ?? (paths.length === 1 ? paths[0] : undefined);
}
