import { arpVersionOverlaps, type ArpRangeCache } from './arp-ranges';
import { dependencyProblems } from './dependencies';
import { installersOf } from './manifest-installers';
import { findPackage, loadVersion, locatePackage, type BlobIndex } from './packages';
import { loadPullRequest, myOpenPullRequests, parsePullRequestRef, pushChanges } from './pull-edit';
import { openPullRequests, pullRequestTemplate, submissionKind, submissionTitle } from './preflight';
import { DEFAULT_TIMEOUTS, type RequestTimeouts } from './timeouts';
import { removeVersion } from './remove-version';
import { replacementTitle } from './replace-version';
import { defaultBranchHead } from './repository';
import { validateSettings, splitRepository } from './settings';
import { spellingProblem } from './spelling';
import { submit, type SubmitContext } from './submit';
import { createTransport } from './transport';
import { GitHubError, type GitHubClient, type GitHubSettings, type TokenInfo } from './types';

export interface GitHubClientOptions {
  /** Replaces the global fetch (tests); requests still go only to the API base. */
  fetch?: typeof fetch;
  /** How long to wait for a new fork to answer; 60 s by default. */
  forkTimeoutMs?: number;
  /** First pause between fork polls; 1 s by default, doubling. */
  forkPollMs?: number;
  /** Per-request time limits by kind (timeouts.ts); tests shorten them to see a hung connection fail quickly. */
  timeouts?: Partial<RequestTimeouts>;
}

function scopesOf(header: unknown): string[] | null {
  if (typeof header !== 'string') return null;
  return header.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The GitHub side of Wingsmith: reads packages, checks and opens pull requests. Throws only GitHubError.
 * Without a token it still reads a public repository (GitHub allows 60 requests an hour then); whatever writes,
 * or needs to know who the user is, refuses with the settings' own message.
 */
export function createGitHubClient(settings: GitHubSettings, options: GitHubClientOptions = {}): GitHubClient {
  const checked = validateSettings(settings, { requireToken: false });
  if (!checked.valid) {
    throw new GitHubError('validation', `The GitHub settings are incomplete: ${Object.values(checked.problems).join(' ')}`);
  }
  const tokenProblem = validateSettings(settings).problems.token;
  const signedIn =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (tokenProblem) throw new GitHubError('validation', `The GitHub settings are incomplete: ${tokenProblem}`);
      return run(...args);
    };
  const t = createTransport(checked.settings, options.fetch, { ...DEFAULT_TIMEOUTS, ...options.timeouts });
  const upstream = splitRepository(checked.settings.repository);
  const blobs: BlobIndex = new Map();
  const arpRanges: ArpRangeCache = new Map();

  const getTokenInfo = signedIn(async (): Promise<TokenInfo> => {
    const res = await t.call('your account', (o) => o.rest.users.getAuthenticated());
    const scopes = scopesOf(res.headers['x-oauth-scopes']);
    return { login: res.data.login, scopes, kind: scopes === null ? 'fine-grained' : 'classic' };
  });

  const submitContext: SubmitContext = {
    t,
    upstream,
    blobs,
    tokenInfo: getTokenInfo,
    forkWait: { timeoutMs: options.forkTimeoutMs ?? 60_000, firstDelayMs: options.forkPollMs ?? 1000 },
  };

  return {
    getTokenInfo,
    findPackage: (identifier) => findPackage(t, upstream, identifier, blobs),
    loadVersion: (pkg, version) => loadVersion(t, upstream, pkg, version, blobs),
    pullRequestTemplate: () => pullRequestTemplate(t, upstream),
    pullRequestNumber: (input) => parsePullRequestRef(input, upstream),
    myOpenPullRequests: async () => myOpenPullRequests(t, upstream, (await getTokenInfo()).login),
    loadPullRequest: async (number) => loadPullRequest(t, upstream, number, (await getTokenInfo()).login),
    pushChanges: async (link, files, signal) => pushChanges(t, upstream, link, files, (await getTokenInfo()).login, signal),
    preflight: signedIn(async (input, attempt) => {
      const [{ head, location }, open] = await Promise.all([
        defaultBranchHead(t, upstream).then(async (head) => ({
          head,
          location: await locatePackage(t, upstream, input.identifier, blobs, head, input.root),
        })),
        openPullRequests(t, upstream, input, getTokenInfo, attempt),
      ]);
      const { pkg } = location;
      const installers = installersOf(input.files.map((f) => ({ name: f.path.slice(f.path.lastIndexOf('/') + 1), text: f.text })));
      const [overlaps, dependencies] = await Promise.all([
        arpVersionOverlaps(t, upstream, pkg, input.version, installers, blobs, arpRanges),
        dependencyProblems(t, upstream, installers, blobs, head),
      ]);
      const kind = submissionKind(pkg, input.version);
      const problem = spellingProblem(input.identifier, input.version, location);
      return {
        kind,
        title: replacementTitle(submissionTitle(kind, input.identifier, input.version), input.replaceVersion),
        versionExists: kind === 'update-version',
        openPullRequests: open,
        // A replaced version leaves the repository with this commit: its range cannot overlap anything.
        arpVersionOverlaps: overlaps.filter((o) => o.version !== input.replaceVersion),
        dependencyProblems: dependencies,
        ...(pkg && pkg.identifier !== input.identifier ? { repositoryIdentifier: pkg.identifier } : {}),
        ...(problem ? { spellingProblem: problem.message, spellingFix: problem.fix } : {}),
      };
    }),
    submit: signedIn((input, onStep, signal, attempt) => submit(submitContext, input, onStep, signal, attempt)),
    removeVersion: signedIn((input, onStep, signal, attempt) => removeVersion(submitContext, input, onStep, signal, attempt)),
  };
}
