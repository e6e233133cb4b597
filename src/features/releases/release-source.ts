/** What the dialog starts from: the GitHub repository the draft's InstallerUrls already download from, if any. */
import { expandInstallers } from '../../core/model/installers';
import type { ManifestSet } from '../../core/model/types';
import { parseReleaseDownload } from '../../core/release';

/** `https://<host>/<owner>/<repo>` of the first InstallerUrl that is a GitHub release download, else ''. */
export function releaseRepositoryOf(set: ManifestSet): string {
  for (const installer of expandInstallers(set.installer)) {
    const url = String((installer as unknown as Record<string, unknown>).InstallerUrl ?? '').trim();
    const download = /^https:\/\//i.test(url) ? parseReleaseDownload(url) : undefined;
    if (download) return `${url.slice(0, url.indexOf('/', 'https://'.length))}/${download.owner}/${download.repo}`;
  }
  return '';
}

/** The draft continues a published version (Update existing package) when its installers already have URLs. */
export function isNextVersionDraft(set: ManifestSet): boolean {
  return expandInstallers(set.installer).some((i) => String((i as unknown as Record<string, unknown>).InstallerUrl ?? '').trim() !== '');
}

/** A bare tag (`v1.2.3`) means that release of the repository the draft's installers already come from. */
export function withRepository(input: string, repository: string): string {
  const text = input.trim();
  if (repository === '' || text === '' || /[/:@\s]/.test(text)) return text;
  return `${repository}/releases/tag/${encodeURIComponent(text)}`;
}
