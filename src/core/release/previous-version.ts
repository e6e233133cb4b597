/** The version a set's installers were downloaded for, read back from their GitHub release URLs. */
import { expandInstallers } from '../model/installers';
import type { ManifestSet } from '../model/types';
import { parseReleaseDownload } from './download-url';
import { versionFromTag } from './tag-version';

/**
 * The version named by the tag of the installers' release URLs, when they all agree (other URLs are ignored);
 * undefined when none is a release URL or two name different tags. A next-version draft has its PackageVersion
 * emptied or already changed, but its installers still point at the previous release.
 */
export function previousVersionOf(set: ManifestSet): string | undefined {
  const versions = new Set<string>();
  for (const installer of expandInstallers(set.installer)) {
    const url = (installer as unknown as Record<string, unknown>).InstallerUrl;
    const download = typeof url === 'string' ? parseReleaseDownload(url) : undefined;
    if (download) versions.add(versionFromTag(download.tag));
  }
  return versions.size === 1 ? [...versions][0] : undefined;
}
