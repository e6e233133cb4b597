import { HttpError, linkHeader, pageParam, stringField, validationFailed, visibleRepo, type ReadContext, type Route } from './router';
import { authenticatedUserJson, pullFilesJson, pullJson, repoJson, searchItemJson } from './shapes';
import type { DoublePull, DoubleRepo } from './state';

const REPO = '/repos/([^/]+)/([^/]+)';

function repoOf(ctx: ReadContext): DoubleRepo {
  return visibleRepo(ctx, ctx.params[0]!, ctx.params[1]!);
}

function contentsJson(ctx: ReadContext, repo: DoubleRepo, path: string, sha: string, type: 'file' | 'dir') {
  const full = `${repo.owner}/${repo.name}`;
  const blob = type === 'file' ? repo.store.blobs.get(sha) : undefined;
  return {
    type,
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    sha,
    size: blob?.length ?? 0,
    url: `${ctx.urls.api}/repos/${full}/contents/${path}`,
    git_url: `${ctx.urls.api}/repos/${full}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`,
    html_url: `${ctx.urls.web}/${full}/${type === 'file' ? 'blob' : 'tree'}/${repo.defaultBranch}/${path}`,
    download_url: null,
  };
}

/** Search terms: qualifiers (`repo:`, `is:`, `in:`) and words or "quoted phrases", all of which must match. */
function parseQuery(q: string): { qualifiers: Map<string, string[]>; terms: string[] } {
  const qualifiers = new Map<string, string[]>();
  const terms: string[] = [];
  for (const m of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[1] !== undefined) {
      terms.push(m[1]);
      continue;
    }
    const word = m[2]!;
    const q2 = /^([a-z]+):(.+)$/.exec(word);
    if (q2) qualifiers.set(q2[1]!, [...(qualifiers.get(q2[1]!) ?? []), q2[2]!.toLowerCase()]);
    else terms.push(word);
  }
  return { qualifiers, terms };
}

function searchPulls(ctx: ReadContext): DoublePull[] {
  const { qualifiers, terms } = parseQuery(ctx.query.get('q') ?? '');
  const repos = qualifiers.get('repo') ?? [];
  const is = qualifiers.get('is') ?? [];
  if (is.includes('issue')) return [];
  return ctx.state.pulls.filter((p) => {
    const full = `${p.base.repo.owner}/${p.base.repo.name}`.toLowerCase();
    if (repos.length > 0 && !repos.includes(full)) return false;
    if (is.includes('open') && p.state !== 'open') return false;
    if (is.includes('closed') && p.state !== 'closed') return false;
    const authors = qualifiers.get('author') ?? [];
    if (authors.length > 0 && !authors.includes(p.user.toLowerCase())) return false;
    const title = p.title.toLowerCase();
    return terms.every((t) => title.includes(t.toLowerCase()));
  });
}

export const repoRoutes: Route[] = [
  { method: 'GET', pattern: /^\/user$/, public: false, handler: (ctx) => ({ status: 200, body: authenticatedUserJson(ctx.urls, ctx.user) }) },
  {
    method: 'GET',
    pattern: /^\/rate_limit$/,
    public: true,
    handler: (ctx) => {
      const { limit, remaining, reset } = ctx.user ? ctx.state.rateLimit : ctx.state.anonymousRateLimit;
      const core = { limit, remaining, reset, used: limit - remaining };
      return { status: 200, body: { resources: { core, search: core }, rate: core } };
    },
  },
  { method: 'GET', pattern: new RegExp(`^${REPO}$`), public: true, handler: (ctx) => ({ status: 200, body: repoJson(ctx.urls, repoOf(ctx)) }) },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/forks$`),
    handler: (ctx) => {
      const parent = repoOf(ctx);
      const fork = ctx.state.fork(parent, ctx.user.login, stringField(ctx.body, 'name') ?? parent.name);
      return { status: 202, body: repoJson(ctx.urls, fork) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/contents(?:/(.*))?$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const path = (ctx.params[2] ?? '').replace(/^\/+|\/+$/g, '');
      const ish = ctx.query.get('ref') ?? repo.defaultBranch;
      const commit = repo.store.commits.get(repo.branches.get(ish) ?? ish);
      if (!commit) throw new HttpError(404, `No commit found for the ref ${ish}`);
      const entry = repo.store.lookup(commit.tree, path);
      if (!entry) throw new HttpError(404, 'Not Found');
      if (entry.type === 'tree') {
        const items = repo.store.trees.get(entry.sha) ?? [];
        const prefix = path === '' ? '' : `${path}/`;
        return { status: 200, body: items.map((e) => contentsJson(ctx, repo, `${prefix}${e.name}`, e.sha, e.type === 'tree' ? 'dir' : 'file')) };
      }
      const blob = repo.store.blobs.get(entry.sha)!;
      const content = `${(blob.toString('base64').match(/.{1,60}/g) ?? []).join('\n')}\n`;
      return { status: 200, body: { ...contentsJson(ctx, repo, path, entry.sha, 'file'), content, encoding: 'base64' } };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/pulls$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const state = ctx.query.get('state') ?? 'open';
      // GitHub filters by head only as `owner:branch` (owner in any case, branch exact); a bare branch name is
      // silently ignored and everything is listed.
      const head = ctx.query.get('head') ?? '';
      const [owner, ref] = head.includes(':') ? [head.slice(0, head.indexOf(':')).toLowerCase(), head.slice(head.indexOf(':') + 1)] : [];
      const pulls = ctx.state.pulls.filter(
        (p) =>
          p.base.repo === repo &&
          (state === 'all' || p.state === state) &&
          (owner === undefined || (p.head.repo.owner.toLowerCase() === owner && p.head.ref === ref)),
      );
      return { status: 200, body: pulls.map((p) => pullJson(ctx.urls, p)) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/pulls/(\\d+)$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const pull = ctx.state.pulls.find((p) => p.base.repo === repo && p.number === Number(ctx.params[2]));
      if (!pull) throw new HttpError(404, 'Not Found');
      return { status: 200, body: pullJson(ctx.urls, pull) };
    },
  },
  {
    // GitHub lists at most 3,000 files, 30 a page by default and 100 at most.
    method: 'GET',
    pattern: new RegExp(`^${REPO}/pulls/(\\d+)/files$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const pull = ctx.state.pulls.find((p) => p.base.repo === repo && p.number === Number(ctx.params[2]));
      if (!pull) throw new HttpError(404, 'Not Found');
      const perPage = pageParam(ctx.query, 'per_page', 30, 100);
      const page = pageParam(ctx.query, 'page', 1, Number.MAX_SAFE_INTEGER);
      const all = pullFilesJson(ctx.urls, pull, ctx.state.pullFiles(pull.number), ctx.state.pullHead(pull), ctx.state.pullBase(pull) ?? pull.base.sha).slice(0, 3000);
      const link = linkHeader(`${ctx.urls.api}/repos/${repo.owner}/${repo.name}/pulls/${pull.number}/files`, page, perPage, all.length);
      return { status: 200, body: all.slice((page - 1) * perPage, page * perPage), ...(link ? { headers: { Link: link } } : {}) };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/pulls$`),
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const { user, state } = ctx;
      if (user.scopes === null && repo.owner.toLowerCase() !== user.login.toLowerCase()) {
        throw new HttpError(403, 'Resource not accessible by personal access token');
      }
      const title = stringField(ctx.body, 'title');
      const head = stringField(ctx.body, 'head') ?? '';
      const base = stringField(ctx.body, 'base') ?? '';
      if (!title) throw validationFailed('PullRequest', 'title', 'missing_field');
      const [headOwner, headRef] = head.includes(':') ? [head.slice(0, head.indexOf(':')), head.slice(head.indexOf(':') + 1)] : [repo.owner, head];
      const headRepo = [...state.repos.values()].find(
        (r) => r.owner.toLowerCase() === headOwner.toLowerCase() && (r === repo || r.parent === repo) && r.readyAt <= Date.now(),
      );
      const headSha = headRepo?.branches.get(headRef);
      if (!headRepo || !headSha) throw validationFailed('PullRequest', 'head', 'invalid');
      if (!repo.branches.has(base)) throw validationFailed('PullRequest', 'base', 'invalid');
      if (state.pulls.some((p) => p.state === 'open' && p.head.repo === headRepo && p.head.ref === headRef)) {
        throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${head}.` }] });
      }
      const pull = state.openPull(repo, headRepo, headRef, headSha, title, stringField(ctx.body, 'body') ?? '', user.login, ctx.body.maintainer_can_modify !== false);
      return { status: 201, body: pullJson(ctx.urls, pull) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/search\/issues$/,
    public: true,
    handler: (ctx) => {
      if (!ctx.query.get('q')) throw validationFailed('Search', 'q', 'missing');
      const items = searchPulls(ctx).map((p) => searchItemJson(ctx.urls, p));
      return { status: 200, body: { total_count: items.length, incomplete_results: false, items } };
    },
  },
];
