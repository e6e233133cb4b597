import type { RestEndpointMethodTypes } from '@octokit/rest';
import type { ReleaseAsset, ReleaseInfo, RepositoryInfo } from '../core/release/types';
import { parseReleaseAssetUrl, repositoryOfWebUrl, webHostOf } from './release-urls';
import { DEFAULT_REPOSITORY, validateSettings } from './settings';
import { createTransport, type Transport } from './transport';
import { GitHubError } from './types';

export { parseReleaseAssetUrl, parseReleaseInput, webHostOf, type ReleaseAssetLocation, type ReleaseReference } from './release-urls';

export interface ReleaseReaderSettings {
  apiBaseUrl: string;
  /** Empty: read anonymously (public repositories only, and GitHub's lower rate limit). */
  token: string;
}

export type ResolvedAsset = { apiUrl: string; asset: ReleaseAsset } | { error: 'private' | 'not-found'; message: string };

/** Reads releases and repositories; the asset bytes are downloaded by the page itself from `assetDownloadUrl`. */
export interface ReleaseReader {
  /** The release with this tag, or the latest full release. Throws GitHubError. */
  getRelease(owner: string, repo: string, tag?: string): Promise<ReleaseInfo>;
  getRepository(owner: string, repo: string): Promise<RepositoryInfo>;
  /**
   * Where the asset's bytes come from: a GET with `Accept: application/octet-stream` and no Authorization header
   * (a CORS "simple" request) redirects to storage that any page may read. github.com's download URL sends no
   * CORS header, and the storage refuses an Authorization header, so this is the one way a page gets the file.
   */
  assetDownloadUrl(owner: string, repo: string, assetId: number): string;
  /** A `browser_download_url` (an InstallerUrl) to the asset it names, or why it cannot be had. */
  resolveAsset(url: string): Promise<ResolvedAsset>;
}

type ReleaseData = RestEndpointMethodTypes['repos']['getLatestRelease']['response']['data'];
type RepoData = RestEndpointMethodTypes['repos']['get']['response']['data'];
type Lookup = { found: ReleaseData } | { missing: 'repository' | 'release' };

function isNotFound(error: unknown): boolean {
  return error instanceof GitHubError && error.status === 404;
}

export function createReleaseReader(settings: ReleaseReaderSettings, options: { fetch?: typeof fetch } = {}): ReleaseReader {
  const checked = validateSettings({ ...settings, repository: DEFAULT_REPOSITORY }, { requireToken: false });
  const problem = checked.problems.apiBaseUrl ?? checked.problems.token;
  if (problem) throw new GitHubError('validation', `The GitHub settings are incomplete: ${problem}`);
  const { apiBaseUrl, token } = checked.settings;
  // The transport's guarded fetch keeps the token on the API base; with no token octokit sends no Authorization.
  const t: Transport = createTransport(checked.settings, options.fetch);
  const webHost = webHostOf(apiBaseUrl);
  const hostName = new URL(webHost).host;

  const repositoryMissing = (owner: string, repo: string) =>
    `${owner}/${repo} was not found on ${hostName} (404): it does not exist, or it is private and ${
      token === '' ? 'no token is set (paste one that can see it in Settings)' : 'the token cannot see it'
    }.`;

  const releaseMissing = (owner: string, repo: string, tag: string | undefined) =>
    tag === undefined
      ? `${owner}/${repo} has no published release yet (drafts and pre-releases are never the latest): paste the URL of a specific release.`
      : `${owner}/${repo} has no release tagged “${tag}” (404). Check the tag on the repository's releases page.`;

  const readRepo = async (owner: string, repo: string): Promise<RepoData | undefined> => {
    try {
      return (await t.call(`the repository ${owner}/${repo}`, (o) => o.rest.repos.get({ owner, repo }))).data;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };

  const lookupRelease = async (owner: string, repo: string, tag?: string): Promise<Lookup> => {
    const subject = tag === undefined ? `the latest release of ${owner}/${repo}` : `the release ${tag} of ${owner}/${repo}`;
    try {
      const res = await t.call(subject, (o) => (tag === undefined ? o.rest.repos.getLatestRelease({ owner, repo }) : o.rest.repos.getReleaseByTag({ owner, repo, tag })));
      return { found: res.data };
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    // The 404 does not say whether the release or the whole repository is missing (or hidden); one more read does.
    return { missing: (await readRepo(owner, repo)) ? 'release' : 'repository' };
  };

  const toReleaseInfo = (data: ReleaseData, owner: string, repo: string): ReleaseInfo => {
    const canonical = repositoryOfWebUrl(data.html_url, apiBaseUrl) ?? { owner, repo };
    return {
      ...canonical,
      tag: data.tag_name,
      name: data.name ?? '',
      body: data.body ?? '',
      ...(data.published_at ? { publishedAt: data.published_at } : {}),
      htmlUrl: data.html_url,
      prerelease: data.prerelease,
      // An asset still being uploaded ('open') has no bytes to fetch yet.
      assets: data.assets
        .filter((a) => a.state === 'uploaded')
        .map((a) => ({ id: a.id, name: a.name, size: a.size, browserDownloadUrl: a.browser_download_url })),
    };
  };

  const assetDownloadUrl = (owner: string, repo: string, assetId: number) =>
    `${apiBaseUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/releases/assets/${assetId}`;

  const licenseOf = async (owner: string, repo: string, simple: NonNullable<RepoData['license']>): Promise<RepositoryInfo['license']> => {
    const fallback = simple.spdx_id ?? 'NOASSERTION';
    try {
      const { data } = await t.call(`the license of ${owner}/${repo}`, (o) => o.rest.licenses.getForRepo({ owner, repo }));
      return { spdxId: data.license?.spdx_id ?? fallback, ...(data.html_url ? { htmlUrl: data.html_url } : {}) };
    } catch (error) {
      if (isNotFound(error)) return { spdxId: fallback };
      throw error;
    }
  };

  return {
    async getRelease(owner, repo, tag) {
      const lookup = await lookupRelease(owner, repo, tag);
      if ('missing' in lookup) {
        const message = lookup.missing === 'repository' ? repositoryMissing(owner, repo) : releaseMissing(owner, repo, tag);
        throw new GitHubError('not-found', message, { status: 404 });
      }
      return toReleaseInfo(lookup.found, owner, repo);
    },

    async getRepository(owner, repo) {
      const data = await readRepo(owner, repo);
      if (!data) throw new GitHubError('not-found', repositoryMissing(owner, repo), { status: 404 });
      const [login, name] = [data.owner.login, data.name];
      // Older GitHub Enterprise versions leave topics out of the repository; the topics endpoint has them.
      const topics = data.topics ?? (await t.call(`the topics of ${login}/${name}`, (o) => o.rest.repos.getAllTopics({ owner: login, repo: name }))).data.names;
      const license = data.license ? await licenseOf(login, name, data.license) : undefined;
      return {
        owner: login,
        name,
        htmlUrl: `${webHost}/${login}/${name}`,
        ownerHtmlUrl: `${webHost}/${login}`,
        ...(data.description ? { description: data.description } : {}),
        ...(data.homepage ? { homepage: data.homepage } : {}),
        topics,
        ...(license ? { license } : {}),
        hasIssues: data.has_issues,
        private: data.private,
      };
    },

    assetDownloadUrl,

    async resolveAsset(url) {
      const at = parseReleaseAssetUrl(url, apiBaseUrl);
      if (!at) return { error: 'not-found', message: `${url} is not a release download URL of ${hostName}.` };
      const lookup = await lookupRelease(at.owner, at.repo, at.tag);
      if ('missing' in lookup) {
        return lookup.missing === 'repository'
          ? { error: 'private', message: repositoryMissing(at.owner, at.repo) }
          : { error: 'not-found', message: releaseMissing(at.owner, at.repo, at.tag) };
      }
      const release = toReleaseInfo(lookup.found, at.owner, at.repo);
      const asset =
        release.assets.find((a) => a.name === at.file) ?? release.assets.find((a) => parseReleaseAssetUrl(a.browserDownloadUrl, apiBaseUrl)?.file === at.file);
      if (!asset) return { error: 'not-found', message: `The release ${release.tag} of ${release.owner}/${release.repo} has no file named “${at.file}”.` };
      return { apiUrl: assetDownloadUrl(release.owner, release.repo, asset.id), asset };
    },
  };
}
