/** Which release assets are installers, and what their file names say about them. */
import { traitsFromUrl } from '../model/installer-matching';
import type { InstallerTraits } from '../model/installer-matching';

/** The file types winget installs from (archives other than zip, checksums, signatures and sources are not). */
const INSTALLER_EXTENSIONS = new Set(['exe', 'msi', 'msix', 'msixbundle', 'appx', 'appxbundle', 'zip']);

export function isInstallerAsset(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && INSTALLER_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/**
 * Architecture, installer family and scope as a file name says them, through the same hints the installer
 * matcher reads from URLs. Encoded first: traitsFromUrl cuts at `?` and `#`, which a file name may hold.
 */
export function traitsOfFileName(name: string): InstallerTraits {
  return traitsFromUrl(encodeURIComponent(name));
}

/** `x64`, `x86`, `arm64` or `arm` when the file name says so (`win64`, `i686`, `aarch64`…), else undefined. */
export function architectureFromFileName(name: string): string | undefined {
  return traitsOfFileName(name).architecture;
}
