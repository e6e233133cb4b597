import { isLoopbackHost } from './settings';

const GITHUB_WEB = 'https://github.com';
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const ENTERPRISE_API = '/api/v3';

/**
 * The web origin whose release URLs belong to an API base: api.github.com → https://github.com,
 * https://HOST/api/v3 → https://HOST, and any other loopback base (the GitHub double) → https://github.com.
 *
 * It differs from `htmlBaseUrl` (settings.ts) on purpose. That one says where to open pages such as a new pull
 * request, which the double serves itself, so a loopback base maps to its own origin. This one says which
 * InstallerUrls and release pages belong to the API base; those end up in manifests, where the double stands for
 * github.com. A loopback base ending in /api/v3 is the double imitating GitHub Enterprise Server, which names
 * its own host in release URLs, so the /api/v3 rule comes first.
 */
export function webHostOf(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl.trim().replace(/\/+$/, ''));
  const path = url.pathname.replace(/\/+$/, '');
  if (path.toLowerCase().endsWith(ENTERPRISE_API)) return `${url.origin}${path.slice(0, -ENTERPRISE_API.length)}`;
  if (url.hostname.toLowerCase() === 'api.github.com' || isLoopbackHost(url.hostname)) return GITHUB_WEB;
  return `${url.origin}${path}`;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function validRepo(owner: string, repo: string): boolean {
  return OWNER.test(owner) && REPO_NAME.test(repo) && repo !== '.' && repo !== '..';
}

/** The path segments (still encoded) of a URL on the web host, after any path the host itself has; else undefined. */
function webSegments(url: URL, webHost: string): string[] | undefined {
  const host = new URL(webHost);
  const sameHost = url.host.toLowerCase() === host.host.toLowerCase() || (host.host === 'github.com' && url.host.toLowerCase() === 'www.github.com');
  if (!sameHost || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const base = host.pathname.split('/').filter((s) => s !== '');
  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (base.some((b, i) => segments[i]?.toLowerCase() !== b.toLowerCase())) return undefined;
  return segments.slice(base.length);
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

export interface ReleaseAssetLocation {
  owner: string;
  repo: string;
  tag: string;
  file: string;
}

/**
 * `https://<web host>/<owner>/<repo>/releases/download/<tag>/<file>` taken apart (tag and file decoded; a tag's
 * '/' comes as %2F, since the tag is one segment there); undefined for anything else.
 */
export function parseReleaseAssetUrl(url: string, apiBaseUrl: string): ReleaseAssetLocation | undefined {
  const parsed = parseUrl(url.trim());
  const segments = parsed ? webSegments(parsed, webHostOf(apiBaseUrl)) : undefined;
  if (!segments || segments.length !== 6 || segments[2] !== 'releases' || segments[3] !== 'download') return undefined;
  const [owner, repo, tag, file] = [segments[0]!, segments[1]!, decode(segments[4]!), decode(segments[5]!)];
  if (!validRepo(owner, repo) || !tag || !file) return undefined;
  return { owner, repo, tag, file };
}

export type ReleaseReference = { owner: string; repo: string; tag?: string } | { error: string };

const EXAMPLE = 'a release page such as https://github.com/OWNER/REPO/releases/tag/TAG, the repository URL for its latest release, or OWNER/REPO@TAG';

function fromSegments(segments: string[], shown: string): ReleaseReference {
  const [owner = '', rawRepo = '', ...rest] = segments;
  const repo = rawRepo.replace(/\.git$/i, '');
  if (!validRepo(owner, repo)) return { error: `${shown} names no repository: paste ${EXAMPLE}.` };
  const [section, kind, ...more] = rest;
  if (section === undefined) return { owner, repo };
  if (section === 'releases' && (kind === undefined || (kind === 'latest' && more.length === 0))) return { owner, repo };
  if (section === 'releases' && kind === 'tag' && more.length > 0) {
    // Typed by hand, a tag's '/' may arrive literal rather than as %2F; both mean the same tag.
    const parts = more.map(decode);
    if (parts.every((p): p is string => p !== undefined && p !== '')) return { owner, repo, tag: parts.join('/') };
  }
  if (section === 'releases' && kind === 'download' && more.length === 2) {
    const tag = decode(more[0]!);
    if (tag) return { owner, repo, tag };
  }
  return { error: `${shown} is not a release or repository page: paste ${EXAMPLE}.` };
}

/**
 * What the user pasted to import a release: a release page, a repository URL (optionally `.git`, `/releases`,
 * `/releases/latest`: its latest release), a release asset URL, or `owner/repo[@tag]`.
 */
export function parseReleaseInput(input: string, apiBaseUrl: string): ReleaseReference {
  const text = input.trim();
  if (text === '') return { error: `Paste ${EXAMPLE}.` };
  const webHost = webHostOf(apiBaseUrl);
  const host = new URL(webHost).host;
  const bareHost = new RegExp(`^(?:www\\.)?${host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`, 'i');
  const asUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : bareHost.test(text) ? `${new URL(webHost).protocol}//${text}` : undefined;
  if (asUrl !== undefined) {
    const url = parseUrl(asUrl);
    if (!url) return { error: `${text} is not a valid URL: paste ${EXAMPLE}.` };
    const segments = webSegments(url, webHost);
    if (!segments) return { error: `${url.host} is not ${host}, where releases for this API base URL live: paste a ${host} URL.` };
    return fromSegments(segments, url.href.replace(/[?#].*$/, ''));
  }
  const short = /^([^/@\s]+)\/([^/@\s]+?)(?:@(.*))?$/.exec(text);
  if (!short) return { error: `${text} is not a release: paste ${EXAMPLE}.` };
  const [owner, repo, tag] = [short[1]!, short[2]!.replace(/\.git$/i, ''), short[3]];
  if (!validRepo(owner, repo)) return { error: `${text} is not a repository: write OWNER/REPO or OWNER/REPO@TAG.` };
  if (tag === undefined) return { owner, repo };
  if (tag.trim() === '') return { error: `Write the tag after @, e.g. ${owner}/${repo}@v1.0.0, or leave out @ for the latest release.` };
  return { owner, repo, tag: tag.trim() };
}

/** The canonical owner and name in a web URL of the repository (GitHub spells them as the repository does). */
export function repositoryOfWebUrl(url: string, apiBaseUrl: string): { owner: string; repo: string } | undefined {
  const parsed = parseUrl(url);
  const segments = parsed ? webSegments(parsed, webHostOf(apiBaseUrl)) : undefined;
  if (!segments || segments.length < 2 || !validRepo(segments[0]!, segments[1]!)) return undefined;
  return { owner: segments[0]!, repo: segments[1]! };
}
