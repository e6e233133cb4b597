import { signedAssetUrl } from './cdn-sign';
import { latestRelease, newestFirst, type DoubleRelease } from './release-state';
import { HttpError, isOwner, visibleRepo, type ReadContext, type Route, linkHeader, pageParam } from './router';
import { assetJson, licenseContentJson, releaseJson } from './shapes';
import type { DoubleRepo } from './state';

const REPO = '/repos/([^/]+)/([^/]+)';

function repoOf(ctx: ReadContext): DoubleRepo {
  return visibleRepo(ctx, ctx.params[0]!, ctx.params[1]!);
}

/** Drafts are seen only by those who can push (here: the owner), as on GitHub. */
function releasesOf(ctx: ReadContext, repo: DoubleRepo): DoubleRelease[] {
  const owner = isOwner(ctx, repo);
  return newestFirst(repo.releases).filter((r) => owner || !r.draft);
}

function wantsBytes(ctx: ReadContext): boolean {
  return (ctx.headers.accept ?? '').toLowerCase().includes('application/octet-stream');
}

export const releaseRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/releases$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const perPage = pageParam(ctx.query, 'per_page', 30, 100);
      const page = pageParam(ctx.query, 'page', 1, Number.MAX_SAFE_INTEGER);
      const all = releasesOf(ctx, repo);
      const body = all.slice((page - 1) * perPage, page * perPage).map((r) => releaseJson(ctx.urls, repo, r));
      const link = linkHeader(`${ctx.urls.api}/repos/${repo.owner}/${repo.name}/releases`, page, perPage, all.length);
      return { status: 200, body, ...(link ? { headers: { Link: link } } : {}) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/releases/latest$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const release = latestRelease(repo.releases);
      if (!release) throw new HttpError(404, 'Not Found');
      return { status: 200, body: releaseJson(ctx.urls, repo, release) };
    },
  },
  {
    method: 'GET',
    // A tag may hold '/', which clients send as %2F or as is.
    pattern: new RegExp(`^${REPO}/releases/tags/(.+)$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const release = repo.releases.find((r) => !r.draft && r.tag_name === ctx.params[2]);
      if (!release) throw new HttpError(404, 'Not Found');
      return { status: 200, body: releaseJson(ctx.urls, repo, release) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/releases/assets/(\\d+)$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const id = Number(ctx.params[2]);
      const asset = releasesOf(ctx, repo).flatMap((r) => r.assets).find((a) => a.id === id);
      if (!asset) throw new HttpError(404, 'Not Found');
      if (wantsBytes(ctx)) return { status: 302, headers: { Location: signedAssetUrl(ctx.urls.cdn, ctx.state.cdnSecret, asset) } };
      return { status: 200, body: assetJson(ctx.urls, repo, asset) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/releases/(\\d+)$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const release = releasesOf(ctx, repo).find((r) => r.id === Number(ctx.params[2]));
      if (!release) throw new HttpError(404, 'Not Found');
      return { status: 200, body: releaseJson(ctx.urls, repo, release) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/license$`),
    public: true,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const { license } = repo.meta;
      const head = repo.store.commits.get(repo.branches.get(repo.defaultBranch) ?? '');
      const entry = license && head ? repo.store.lookup(head.tree, license.path) : undefined;
      // GitHub detects the license from the file: without the file there is nothing to report.
      if (!license || !entry || entry.type !== 'blob') throw new HttpError(404, 'Not Found');
      return { status: 200, body: licenseContentJson(ctx.urls, repo, license, entry.sha, repo.store.blobs.get(entry.sha)!) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/topics$`),
    public: true,
    handler: (ctx) => ({ status: 200, body: { names: repoOf(ctx).meta.topics } }),
  },
];
