/** What the dialog starts from: the GitHub repository the draft's InstallerUrls already download from, if any. */
import { expandInstallers } from '../../core/model/installers';
import type { ManifestSet } from '../../core/model/types';

const RELEASE_DOWNLOAD = /^https:\/\/([^/]+)\/([^/]+)\/([^/]+)\/releases\/download\//i;

/** `https://<host>/<owner>/<repo>` of the first InstallerUrl that is a GitHub release download, else ''. */
export function releaseRepositoryOf(set: ManifestSet): string {
  for (const installer of expandInstallers(set.installer)) {
    const url = (installer as unknown as Record<string, unknown>).InstallerUrl;
    const m = typeof url === 'string' ? RELEASE_DOWNLOAD.exec(url.trim()) : null;
    if (m) return `https://${m[1]}/${m[2]}/${m[3]}`;
  }
  return '';
}

/** The draft continues a published version (Update existing package) when its installers already have URLs. */
export function isNextVersionDraft(set: ManifestSet): boolean {
  return expandInstallers(set.installer).some((i) => String((i as unknown as Record<string, unknown>).InstallerUrl ?? '').trim() !== '');
}
