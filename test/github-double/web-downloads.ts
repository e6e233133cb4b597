import { signedAssetUrl } from './cdn-sign';
import type { DoubleState } from './state';

const DOWNLOAD = /^\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/;

export function isReleaseDownloadPath(path: string): boolean {
  return DOWNLOAD.test(path);
}

/**
 * Where github.com's `/{owner}/{repo}/releases/download/{tag}/{file}` redirects: the signed storage URL, or
 * undefined (404) for anything unknown. The web host sends no CORS header, so a page can follow this only by
 * navigating, never with fetch: the app must go through the API instead.
 */
export function releaseDownloadLocation(state: DoubleState, path: string): string | undefined {
  const m = DOWNLOAD.exec(path);
  if (!m) return undefined;
  const [owner, name, tag, file] = m.slice(1).map((p) => decodeURIComponent(p));
  const repo = state.repo(`${owner}/${name}`);
  // The web host knows no token: private repositories answer 404 there, as on github.com without a session.
  if (!repo || repo.meta.private) return undefined;
  const asset = repo.releases.find((r) => !r.draft && r.tag_name === tag)?.assets.find((a) => a.name === file);
  return asset ? signedAssetUrl(state.urls.cdn, state.cdnSecret, asset) : undefined;
}
