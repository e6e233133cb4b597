import { randomBytes } from 'node:crypto';
import { GitStore, type FlatEntry, type StoredCommit } from './git-store';
import {
  assetBytes,
  contentTypeOf,
  defaultRepoMeta,
  type DoubleAsset,
  type DoubleRelease,
  type ReleaseInput,
  type RepoMeta,
  type RepoMetaInput,
} from './release-state';
import type { FaultKind } from './faults';
import type { DoubleUrls } from './shapes';

export interface DoubleUser {
  login: string;
  id: number;
  /** null: a fine-grained token (GitHub sends no X-OAuth-Scopes). */
  scopes: string[] | null;
}

export interface DoubleRepo {
  id: number;
  owner: string;
  name: string;
  fork: boolean;
  parent?: DoubleRepo;
  defaultBranch: string;
  /** Branch name → commit sha. */
  branches: Map<string, string>;
  store: GitStore;
  /** A new fork answers only from this time on (Date.now() milliseconds). */
  readyAt: number;
  meta: RepoMeta;
  releases: DoubleRelease[];
}

export interface DoublePull {
  number: number;
  id: number;
  base: { repo: DoubleRepo; ref: string; sha: string };
  head: { repo: DoubleRepo; ref: string; sha: string };
  title: string;
  body: string;
  user: string;
  state: 'open' | 'closed';
  merged: boolean;
  labels: string[];
  maintainerCanModify: boolean;
  createdAt: string;
}

export interface LoggedRequest {
  method: string;
  /** Inside the API prefix when there is one (so logs read alike with and without it), else as requested. */
  path: string;
  status: number;
  /** Set when the double serves a path prefix and this request was outside it. */
  outsidePrefix?: true;
  /** Whether it carried an Authorization header (anonymous reads are allowed on public repositories). */
  authorization: boolean;
  /** Set when an injected fault hit this request (status 0: it was never answered nor handled). */
  fault?: FaultKind;
}

/** A request to the asset CDN (the stand-in for GitHub's release asset storage). */
export interface CdnLoggedRequest {
  method: string;
  path: string;
  status: number;
  authorization: boolean;
  /** The Origin header, when the request came from a page (`null` after a cross-origin redirect). */
  origin?: string;
  /** Set when a fault dropped the connection after this many body bytes. */
  droppedAfter?: number;
}

export interface RateLimit {
  limit: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
}

const LICENSE_NAMES: Record<string, string> = {
  MIT: 'MIT License',
  'Apache-2.0': 'Apache License 2.0',
  'GPL-3.0': 'GNU General Public License v3.0',
  'BSD-3-Clause': 'BSD 3-Clause "New" or "Revised" License',
  NOASSERTION: 'Other',
};

const AUTHOR = { name: 'Wingsmith Double', email: 'double@example.invalid' };
let nextId = 1000;

function freshLimit(limit: number): RateLimit {
  return { limit, remaining: limit, reset: Math.floor(Date.now() / 1000) + 3600 };
}

/** Everything the double knows; tests read and arrange it directly. */
export class DoubleState {
  readonly repos = new Map<string, DoubleRepo>();
  readonly pulls: DoublePull[] = [];
  readonly tokens = new Map<string, DoubleUser>();
  readonly requests: LoggedRequest[] = [];
  readonly cdnRequests: CdnLoggedRequest[] = [];
  /** The limit of requests with a token. */
  rateLimit: RateLimit = freshLimit(5000);
  /** GitHub counts requests without a token apart, with a far lower limit. */
  anonymousRateLimit: RateLimit = freshLimit(60);
  anonymousLimit = 60;
  /** Where the double answers; the server sets it before seeding, since stored asset URLs are built from it. */
  urls: DoubleUrls = { api: 'http://double.invalid', web: 'http://double.invalid', cdn: 'http://cdn.double.invalid', releaseWeb: 'https://github.com' };
  /** Signs CDN URLs, so that only URLs the API handed out download. */
  readonly cdnSecret = randomBytes(32);
  forkDelayMs = 0;
  /** A recursive tree listing longer than this is cut and marked truncated (GitHub's cap is far higher). */
  treeEntryLimit = 100_000;

  /** Forgets everything (repositories, pulls, tokens, logs) and restores the rate limits. */
  clear(): void {
    this.repos.clear();
    this.pulls.length = 0;
    this.tokens.clear();
    this.requests.length = 0;
    this.cdnRequests.length = 0;
    this.rateLimit = freshLimit(5000);
    this.anonymousRateLimit = freshLimit(this.anonymousLimit);
  }

  repo(fullName: string): DoubleRepo | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  mustRepo(fullName: string): DoubleRepo {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`the double has no repository ${fullName}`);
    return repo;
  }

  createRepo(owner: string, name: string, files: Record<string, string | Buffer>, defaultBranch = 'master'): DoubleRepo {
    const repo: DoubleRepo = {
      id: nextId++,
      owner,
      name,
      fork: false,
      defaultBranch,
      branches: new Map(),
      store: new GitStore(),
      readyAt: 0,
      meta: defaultRepoMeta(),
      releases: [],
    };
    this.repos.set(`${owner}/${name}`.toLowerCase(), repo);
    const tree = repo.store.build(this.blobEntries(repo, files));
    const commit = repo.store.putCommit({ tree, parents: [], message: 'Initial commit', author: this.author() });
    repo.branches.set(defaultBranch, commit.sha);
    return repo;
  }

  /** The user's fork of `parent`, sharing its objects; it answers after `forkDelayMs`. */
  fork(parent: DoubleRepo, login: string, name = parent.name): DoubleRepo {
    const existing = [...this.repos.values()].find((r) => r.fork && r.parent === parent && r.owner.toLowerCase() === login.toLowerCase());
    if (existing) return existing;
    let repoName = name;
    for (let i = 1; this.repo(`${login}/${repoName}`); i++) repoName = `${name}-${i}`;
    const repo: DoubleRepo = {
      id: nextId++,
      owner: login,
      name: repoName,
      fork: true,
      parent,
      defaultBranch: parent.defaultBranch,
      branches: new Map([[parent.defaultBranch, parent.branches.get(parent.defaultBranch)!]]),
      store: parent.store,
      readyAt: Date.now() + this.forkDelayMs,
      // A fork has the parent's files, hence its license, but none of its releases or topics.
      meta: { ...defaultRepoMeta(), description: parent.meta.description, license: parent.meta.license },
      releases: [],
    };
    this.repos.set(`${login}/${repoName}`.toLowerCase(), repo);
    return repo;
  }

  /** Commits straight to a branch (null deletes a path), as if someone pushed; returns the new commit's sha. */
  commitFiles(fullName: string, branch: string, files: Record<string, string | Buffer | null>, message = 'Update'): string {
    const repo = this.mustRepo(fullName);
    const parent = repo.branches.get(branch);
    const flat = parent ? repo.store.flatten(repo.store.commits.get(parent)!.tree) : new Map<string, FlatEntry>();
    for (const [path, content] of Object.entries(files)) {
      if (content === null) flat.delete(path);
      else flat.set(path, { mode: '100644', sha: repo.store.putBlob(Buffer.from(content)) });
    }
    const tree = repo.store.build(flat);
    const commit = repo.store.putCommit({ tree, parents: parent ? [parent] : [], message, author: this.author() });
    repo.branches.set(branch, commit.sha);
    return commit.sha;
  }

  /** Every file on a branch (optionally under a folder), as text. */
  branchFiles(fullName: string, branch: string, prefix = ''): Record<string, string> {
    const repo = this.mustRepo(fullName);
    const sha = repo.branches.get(branch);
    if (!sha) throw new Error(`${fullName} has no branch ${branch}`);
    return this.filesOf(repo, repo.store.commits.get(sha)!.tree, prefix);
  }

  /** The branch's current head: GitHub's pull request follows its branch as it moves. */
  pullHead(pull: DoublePull): string {
    return pull.head.repo.branches.get(pull.head.ref) ?? pull.head.sha;
  }

  /** Where a pull request's branch left its base branch (the merge base GitHub diffs against). */
  pullBase(pull: DoublePull): string | undefined {
    const baseHead = pull.base.repo.branches.get(pull.base.ref) ?? pull.base.sha;
    return pull.head.repo.store.mergeBase(baseHead, this.pullHead(pull));
  }

  /** What a pull request changes against its merge base: path → text, or null when deleted. */
  pullFiles(number: number): Record<string, string | null> {
    const pull = this.pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`no pull request #${number}`);
    const { store } = pull.head.repo;
    const base = this.pullBase(pull);
    const after = store.flatten(store.commits.get(this.pullHead(pull))!.tree);
    const before = base ? store.flatten(store.commits.get(base)!.tree) : new Map<string, FlatEntry>();
    const out: Record<string, string | null> = {};
    for (const [path, e] of after) if (before.get(path)?.sha !== e.sha) out[path] = store.blobs.get(e.sha)!.toString('utf8');
    for (const path of before.keys()) if (!after.has(path)) out[path] = null;
    return out;
  }

  /** The commits on a pull request's branch since its base, oldest first (what GitHub's Commits tab lists). */
  pullCommits(number: number): { sha: string; message: string }[] {
    const pull = this.pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`no pull request #${number}`);
    const { store } = pull.head.repo;
    const out: { sha: string; message: string }[] = [];
    const base = this.pullBase(pull);
    for (let sha: string | undefined = this.pullHead(pull); sha && sha !== base; sha = store.commits.get(sha)?.parents[0]) {
      out.unshift({ sha, message: store.commits.get(sha)!.message });
    }
    return out;
  }

  /** An already-open pull request from `login`'s fork, for "an open PR exists" scenarios. */
  addOpenPull(fullName: string, login: string, title: string, files: Record<string, string> = {}): DoublePull {
    const base = this.mustRepo(fullName);
    const fork = this.fork(base, login);
    fork.readyAt = 0;
    const branch = `existing-${this.pulls.length + 1}`;
    fork.branches.set(branch, fork.branches.get(fork.defaultBranch)!);
    const sha = this.commitFiles(`${fork.owner}/${fork.name}`, branch, files, title);
    return this.openPull(base, fork, branch, sha, title, '', login, true);
  }

  openPull(base: DoubleRepo, head: DoubleRepo, ref: string, sha: string, title: string, body: string, user: string, canModify: boolean): DoublePull {
    const pull: DoublePull = {
      number: this.pulls.length + 1,
      id: nextId++,
      base: { repo: base, ref: base.defaultBranch, sha: base.branches.get(base.defaultBranch)! },
      head: { repo: head, ref, sha },
      title,
      body,
      user,
      state: 'open',
      merged: false,
      labels: [],
      maintainerCanModify: canModify,
      createdAt: new Date().toISOString(),
    };
    this.pulls.push(pull);
    return pull;
  }

  /**
   * Makes every following request with a token (`scope` 'token'), without one ('anonymous'), or both fail with
   * 403 rate-limited until `resetAt`.
   */
  exhaustRateLimit(resetAt = new Date(Date.now() + 15 * 60_000), scope: 'token' | 'anonymous' | 'both' = 'token'): void {
    const reset = Math.floor(resetAt.getTime() / 1000);
    if (scope !== 'anonymous') this.rateLimit = { ...this.rateLimit, remaining: 0, reset };
    if (scope !== 'token') this.anonymousRateLimit = { ...this.anonymousRateLimit, remaining: 0, reset };
  }

  /** Sets description, topics, visibility…; a license with text is committed to the default branch as its file. */
  setRepoMeta(fullName: string, input: RepoMetaInput): DoubleRepo {
    const repo = this.mustRepo(fullName);
    const { meta } = repo;
    if (input.description !== undefined) meta.description = input.description;
    if (input.homepage !== undefined) meta.homepage = input.homepage;
    if (input.topics !== undefined) meta.topics = [...input.topics];
    if (input.hasIssues !== undefined) meta.has_issues = input.hasIssues;
    if (input.private !== undefined) meta.private = input.private;
    if (input.license === null) meta.license = null;
    else if (input.license) {
      const { spdxId, text } = input.license;
      const path = input.license.path ?? 'LICENSE';
      const key = input.license.key ?? (spdxId === 'NOASSERTION' ? 'other' : spdxId.toLowerCase());
      meta.license = { spdx_id: spdxId, key, name: input.license.name ?? LICENSE_NAMES[spdxId] ?? spdxId, path };
      this.commitFiles(fullName, repo.defaultBranch, { [path]: text }, `Add ${path}`);
    }
    return repo;
  }

  /** A published (or draft) release with its assets; URLs are built from `urls`, so the server sets those first. */
  addRelease(owner: string, name: string, input: ReleaseInput): DoubleRelease {
    const repo = this.mustRepo(`${owner}/${name}`);
    if (repo.releases.some((r) => r.tag_name === input.tag)) throw new Error(`${owner}/${name} already has a release tagged ${input.tag}`);
    const now = new Date().toISOString();
    const created = input.publishedAt ?? now;
    const full = `${repo.owner}/${repo.name}`;
    const tagSegment = encodeURIComponent(input.tag);
    const assets = input.assets.map((a): DoubleAsset => {
      const id = nextId++;
      return {
        id,
        name: a.name,
        label: a.label ?? null,
        content_type: a.contentType ?? contentTypeOf(a.name),
        download_count: 0,
        state: 'uploaded',
        created_at: created,
        updated_at: created,
        browser_download_url: `${this.urls.releaseWeb}/${full}/releases/download/${tagSegment}/${encodeURIComponent(a.name)}`,
        url: `${this.urls.api}/repos/${full}/releases/assets/${id}`,
        ...assetBytes(a),
      };
    });
    const release: DoubleRelease = {
      id: nextId++,
      tag_name: input.tag,
      name: input.name ?? null,
      body: input.body ?? null,
      draft: input.draft ?? false,
      prerelease: input.prerelease ?? false,
      created_at: created,
      published_at: input.draft ? null : created,
      author: repo.owner,
      assets,
    };
    repo.releases.push(release);
    return release;
  }

  findAsset(id: number): { repo: DoubleRepo; release: DoubleRelease; asset: DoubleAsset } | undefined {
    for (const repo of this.repos.values()) {
      for (const release of repo.releases) {
        const asset = release.assets.find((a) => a.id === id);
        if (asset) return { repo, release, asset };
      }
    }
    return undefined;
  }

  author(): StoredCommit['author'] {
    return { ...AUTHOR, date: new Date().toISOString() };
  }

  filesOf(repo: DoubleRepo, tree: string, prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, e] of repo.store.flatten(tree)) {
      if (path.startsWith(prefix)) out[path] = repo.store.blobs.get(e.sha)!.toString('utf8');
    }
    return out;
  }

  private blobEntries(repo: DoubleRepo, files: Record<string, string | Buffer>): Map<string, FlatEntry> {
    const flat = new Map<string, FlatEntry>();
    for (const [path, content] of Object.entries(files)) flat.set(path, { mode: '100644', sha: repo.store.putBlob(Buffer.from(content)) });
    return flat;
  }
}
