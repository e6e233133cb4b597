/**
 * A GitHub release and its repository as the manifest needs them. `src/github` reads them from the API; the
 * core turns them into manifest values (apply-release.ts) without knowing where they came from.
 */

export interface ReleaseAsset {
  /** The asset id: `GET /repos/{owner}/{repo}/releases/assets/{id}` downloads it. */
  id: number;
  /** File name, e.g. `tool-1.2.0-x64.msi`. */
  name: string;
  size: number;
  /** What the manifest's InstallerUrl keeps: `https://github.com/{owner}/{repo}/releases/download/{tag}/{name}`. */
  browserDownloadUrl: string;
}

export interface ReleaseInfo {
  owner: string;
  repo: string;
  tag: string;
  /** The release's title; may be empty. */
  name: string;
  /** Markdown, as the author wrote it; empty when there is none. */
  body: string;
  /** ISO date-time of publication; absent for a draft release. */
  publishedAt?: string;
  /** The release page, e.g. `https://github.com/{owner}/{repo}/releases/tag/{tag}`. */
  htmlUrl: string;
  prerelease: boolean;
  assets: ReleaseAsset[];
}

export interface RepositoryInfo {
  owner: string;
  name: string;
  /** `https://github.com/{owner}/{repo}` */
  htmlUrl: string;
  /** `https://github.com/{owner}` */
  ownerHtmlUrl: string;
  description?: string;
  homepage?: string;
  /** At most what GitHub returns; the manifest takes 16. */
  topics: string[];
  /** SPDX id and the license file's page; absent when GitHub detects none. `NOASSERTION` is kept as GitHub says it. */
  license?: { spdxId: string; htmlUrl?: string };
  hasIssues: boolean;
  private: boolean;
}
