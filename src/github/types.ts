import type { RepositoryRoot } from '../core/repo/paths';

/** Connection settings; the UI validates them with `validateSettings` before use. */
export interface GitHubSettings {
  /** https://api.github.com, https://HOST/api/v3, or http://127.0.0.1:PORT for tests. */
  apiBaseUrl: string;
  /** owner/name, default microsoft/winget-pkgs. */
  repository: string;
  token: string;
}

export type GitHubErrorKind =
  | 'auth'
  | 'fine-grained'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'rate-limit'
  | 'network'
  | 'server'
  | 'conflict';

export class GitHubError extends Error {
  status?: number;
  kind: GitHubErrorKind;
  resetAt?: Date;
  /** What happened and what to do, for people. */
  userMessage: string;

  constructor(
    kind: GitHubErrorKind,
    userMessage: string,
    options: { status?: number; resetAt?: Date; message?: string } = {},
  ) {
    super(options.message ?? userMessage);
    this.name = 'GitHubError';
    this.kind = kind;
    this.userMessage = userMessage;
    if (options.status !== undefined) this.status = options.status;
    if (options.resetAt !== undefined) this.resetAt = options.resetAt;
  }
}

export interface TokenInfo {
  login: string;
  /** null: no X-OAuth-Scopes header (fine-grained). */
  scopes: string[] | null;
  kind: 'classic' | 'fine-grained';
}

export interface PackageVersionRef {
  version: string;
  /** manifests/m/Microsoft/X/1.0/ (fonts/… for a font package) */
  folder: string;
  /** File paths. */
  files: string[];
}

export interface PackageInfo {
  /** Casing as in the repo. */
  identifier: string;
  folder: string;
  /** Newest first, by winget version ordering. */
  versions: PackageVersionRef[];
}

export interface RepoFile {
  name: string;
  path: string;
  text: string;
}

export type SubmissionKind = 'new-package' | 'new-version' | 'update-version';

export type SubmissionStepId =
  | 'checks'
  | 'upstream'
  | 'fork'
  | 'blobs'
  | 'tree'
  | 'commit'
  | 'branch'
  | 'pull-request'
  | 'cleanup';

export interface SubmissionStep {
  id: SubmissionStepId;
  label: string;
  status: 'pending' | 'running' | 'done' | 'failed' | 'skipped';
  detail?: string;
}

export interface SubmissionInput {
  identifier: string;
  version: string;
  /** The tree the files go in: `fonts` for a font package, `manifests` otherwise. */
  root: RepositoryRoot;
  files: { path: string; text: string }[];
  /**
   * A replace: this other version of the package, whose folder the same commit deletes (what Komac's
   * `update --replace` and wingetcreate's `--replace` do). Its files are those the repository has at the base.
   */
  replaceVersion?: string;
}

/** A pull request that deletes one version folder of a package (what Komac's `remove` does). */
export interface RemovalInput {
  identifier: string;
  version: string;
  /** Why, in the user's words: the body states it, and moderators ask for it. Required. */
  reason: string;
  /** The user confirmed removing the newest version (the repository labels that Highest-Version-Removal). */
  confirmHighest?: boolean;
}

/** The label winget-pkgs sets on a pull request that removes a package's newest version. */
export const HIGHEST_VERSION_REMOVAL_LABEL = 'Highest-Version-Removal';

/**
 * What one submission keeps between its attempts (the dialog's Retry), so that a retry first finds what an earlier
 * attempt made on GitHub, reuses it, and never opens a second pull request. The caller makes one empty object per
 * submission and passes it to every attempt (and to the preflight before each); `submit` fills it in.
 */
export interface SubmissionAttempt {
  /** The branch every attempt of this submission pushes (GitHub allows one open pull request per head branch). */
  branch?: string;
  /** Set once an attempt has sent the branch: the owner of the fork where it, and its pull request, may now be. */
  forkOwner?: string;
}

export type SubmissionResult =
  | { kind: 'pull-request'; url: string; number: number; title: string; branch: string }
  /** Fine-grained token: branch pushed, the user opens GitHub's prefilled compare page. */
  | { kind: 'compare'; url: string; branch: string; title: string; reason: string };

export interface PreflightResult {
  kind: SubmissionKind;
  title: string;
  versionExists: boolean;
  /**
   * Open pull requests whose title names this package and version, except the one an earlier attempt of this very
   * submission opened (the submission reports that one as its result). `mine`: opened by the signed-in user.
   */
  openPullRequests: { number: number; url: string; title: string; mine?: true }[];
  /** Set when the repository spells the identifier differently (submit refuses until PackageIdentifier matches). */
  repositoryIdentifier?: string;
  /**
   * Set when a folder of the path already exists spelled differently (the package, a publisher or group folder,
   * or the version): what to change. Submit refuses with this message, so the UI can show it before sending.
   */
  spellingProblem?: string;
  /** The value that fits the repository's spelling, for a one-click fix. */
  spellingFix?: SpellingProblem['fix'];
  /** Other versions of the package whose Apps and Features version range overlaps this one's, newest first. */
  arpVersionOverlaps: ArpVersionOverlap[];
  /** PackageDependencies the repository cannot satisfy. */
  dependencyProblems: DependencyProblem[];
}

/** The label winget-pkgs' pipeline sets when a version's DisplayVersion range overlaps another version's. */
export const ARP_OVERLAP_LABEL = 'Manifest-AppsAndFeaturesVersion-Error';

/** The lowest and highest DisplayVersion of a package version's Apps and Features entries, as written. */
export interface ArpVersionRange {
  min: string;
  max: string;
}

export interface ArpVersionOverlap {
  /** The other version, as its folder is named. */
  version: string;
  range: ArpVersionRange;
  /** The submitted version's range. */
  ownRange: ArpVersionRange;
  label: typeof ARP_OVERLAP_LABEL;
  /** What is wrong and what to change, for people. */
  message: string;
}

export type DependencyProblem = {
  /** The PackageIdentifier as the manifest writes it. */
  identifier: string;
  message: string;
} & (
  | { kind: 'missing' }
  /** The repository has the package, but no version at or above MinimumVersion. */
  | { kind: 'minimum-version'; minimumVersion: string; newestVersion: string }
);

export interface SpellingProblem {
  message: string;
  fix: { field: 'PackageIdentifier' | 'PackageVersion'; value: string };
}

/** An open pull request of the signed-in user, for picking one to edit. */
export interface OpenPullRequestSummary {
  number: number;
  title: string;
  url: string;
  labels: string[];
}

export type { LinkedPullRequest } from '../core/repo/pull-request-link';
import type { LinkedPullRequest } from '../core/repo/pull-request-link';

export interface LoadedPullRequest {
  link: LinkedPullRequest;
  files: RepoFile[];
  labels: string[];
  /** Why the branch cannot be pushed to (someone else's fork); the files can still start a new pull request. */
  notPushable?: string;
}

export interface GitHubClient {
  getTokenInfo(): Promise<TokenInfo>;
  /** Case-insensitive match against the repository's folders. */
  findPackage(identifier: string): Promise<PackageInfo | undefined>;
  loadVersion(pkg: PackageInfo, version: string): Promise<RepoFile[]>;
  preflight(input: SubmissionInput, attempt?: SubmissionAttempt): Promise<PreflightResult>;
  /** Pass the same `attempt` to every Retry of one submission. */
  submit(
    input: SubmissionInput,
    onStep: (steps: SubmissionStep[]) => void,
    signal?: AbortSignal,
    attempt?: SubmissionAttempt,
  ): Promise<SubmissionResult>;
  pullRequestTemplate(): Promise<string | undefined>;
  /** `123`, `#123` or a pull request URL of the target repository -> its number; throws a GitHubError otherwise. */
  pullRequestNumber(input: string): number;
  myOpenPullRequests(): Promise<OpenPullRequestSummary[]>;
  loadPullRequest(number: number): Promise<LoadedPullRequest>;
  pushChanges(link: LinkedPullRequest, files: readonly { path: string; text: string }[], signal?: AbortSignal): Promise<{ headSha: string }>;
  /** A pull request deleting one version folder; refuses the last version and an unconfirmed newest one. */
  removeVersion(input: RemovalInput, onStep: (steps: SubmissionStep[]) => void, signal?: AbortSignal, attempt?: SubmissionAttempt): Promise<SubmissionResult>;
}
