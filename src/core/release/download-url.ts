/** GitHub release asset URLs: `https://<host>/<owner>/<repo>/releases/download/<tag>/<file>`. */
export { fileNameOfUrl } from '../model/url-file-name';

export interface ReleaseDownload {
  owner: string;
  repo: string;
  tag: string;
  file: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The parts of a release asset URL, or undefined for any other URL. Any host, so that GitHub Enterprise Server
 * downloads read the same; the tag is everything between `download/` and the file (tags may hold `/`).
 */
export function parseReleaseDownload(url: string): ReleaseDownload | undefined {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const match = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/releases\/download\/(.+)\/([^/]+)$/i.exec(path);
  if (!match) return undefined;
  const [, owner, repo, tag, file] = match;
  return { owner: decode(owner!), repo: decode(repo!), tag: decode(tag!), file: decode(file!) };
}
