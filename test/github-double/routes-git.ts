import type { FlatEntry } from './git-store';
import { HttpError, gitRepo, stringField, validationFailed, type Route, type RouteContext } from './router';
import { commitJson, refJson } from './shapes';
import type { DoubleRepo } from './state';

const REPO = '/repos/([^/]+)/([^/]+)';

function branchOf(ref: string): string {
  const m = /^(?:refs\/)?heads\/(.+)$/.exec(ref);
  if (!m) throw new HttpError(422, 'Reference name is invalid');
  return m[1]!;
}

/** A tree-ish: a tree sha, a commit sha (its tree), or a branch name. */
function resolveTree(repo: DoubleRepo, ish: string): string | undefined {
  if (repo.store.trees.has(ish)) return ish;
  const commit = repo.store.commits.get(ish) ?? repo.store.commits.get(repo.branches.get(ish) ?? '');
  return commit?.tree;
}

/**
 * GitHub refuses, without the workflow scope, a ref whose commit changes `.github/workflows/` compared with what
 * the repository already has (its default branch).
 */
function workflowRefusal(ctx: RouteContext, repo: DoubleRepo, sha: string): string | undefined {
  if (ctx.user.scopes?.includes('workflow')) return undefined;
  const workflows = (tree: string | undefined) => {
    const out = new Map<string, string>();
    if (!tree) return out;
    for (const [path, e] of repo.store.flatten(tree)) if (path.startsWith('.github/workflows/')) out.set(path, e.sha);
    return out;
  };
  const next = workflows(repo.store.commits.get(sha)?.tree);
  const current = workflows(resolveTree(repo, repo.defaultBranch));
  for (const path of new Set([...next.keys(), ...current.keys()])) {
    if (next.get(path) !== current.get(path)) {
      return `refusing to allow a Personal Access Token to create or update workflow \`${path}\` without \`workflow\` scope`;
    }
  }
  return undefined;
}

function treeEntries(ctx: RouteContext, repo: DoubleRepo, base: string | undefined): Map<string, FlatEntry> {
  const flat = base ? repo.store.flatten(base) : new Map<string, FlatEntry>();
  const items = ctx.body.tree;
  if (!Array.isArray(items)) throw validationFailed('Tree', 'tree', 'missing_field');
  for (const raw of items as Record<string, unknown>[]) {
    const path = stringField(raw, 'path');
    const mode = stringField(raw, 'mode') ?? '100644';
    if (!path || path.startsWith('/') || path.split('/').some((p) => p === '' || p === '.' || p === '..')) {
      throw new HttpError(422, `tree.path contains a malformed path component`);
    }
    if (raw.sha === null) {
      const inside = [...flat.keys()].filter((key) => key.startsWith(`${path}/`));
      // GitHub documents an error for deleting a path the tree does not have (the wording here is the double's).
      if (!flat.has(path) && inside.length === 0) throw new HttpError(422, `tree.path ${path} does not exist in the base tree, so it cannot be deleted`);
      flat.delete(path);
      for (const key of inside) flat.delete(key);
      continue;
    }
    const content = stringField(raw, 'content');
    const sha = content !== undefined ? repo.store.putBlob(Buffer.from(content, 'utf8')) : stringField(raw, 'sha');
    if (!sha || !repo.store.blobs.has(sha)) throw new HttpError(422, `tree.sha ${sha ?? ''} is not a valid blob`);
    flat.set(path, { mode, sha });
  }
  return flat;
}

export const gitRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/git/ref/(.+)$`),
    public: true,
    handler: (ctx) => {
      const repo = gitRepo(ctx, false);
      const branch = branchOf(ctx.params[2]!);
      const sha = repo.branches.get(branch);
      if (!sha) throw new HttpError(404, 'Not Found');
      return { status: 200, body: refJson(ctx.urls, repo, branch, sha) };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/git/refs$`),
    handler: (ctx) => {
      const repo = gitRepo(ctx, true);
      const ref = stringField(ctx.body, 'ref') ?? '';
      const sha = stringField(ctx.body, 'sha') ?? '';
      if (!ref.startsWith('refs/')) throw new HttpError(422, 'Reference name is invalid');
      const branch = branchOf(ref);
      if (repo.branches.has(branch)) throw new HttpError(422, 'Reference already exists');
      if (!repo.store.commits.has(sha)) throw new HttpError(422, 'Object does not exist');
      const refusal = workflowRefusal(ctx, repo, sha);
      if (refusal) throw new HttpError(422, refusal);
      repo.branches.set(branch, sha);
      return { status: 201, body: refJson(ctx.urls, repo, branch, sha) };
    },
  },
  {
    // Moving a branch: without force, only to a commit that has the current head in its history.
    method: 'PATCH',
    pattern: new RegExp(`^${REPO}/git/refs/(.+)$`),
    handler: (ctx) => {
      const repo = gitRepo(ctx, true);
      const branch = branchOf(ctx.params[2]!);
      const current = repo.branches.get(branch);
      const sha = stringField(ctx.body, 'sha') ?? '';
      if (!current) throw new HttpError(422, 'Reference does not exist');
      if (!repo.store.commits.has(sha)) throw new HttpError(422, 'Object does not exist');
      if (ctx.body.force !== true && !repo.store.isAncestor(current, sha)) throw new HttpError(422, 'Update is not a fast forward');
      const refusal = workflowRefusal(ctx, repo, sha);
      if (refusal) throw new HttpError(422, refusal);
      repo.branches.set(branch, sha);
      return { status: 200, body: refJson(ctx.urls, repo, branch, sha) };
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^${REPO}/git/refs/(.+)$`),
    handler: (ctx) => {
      const repo = gitRepo(ctx, true);
      const branch = branchOf(ctx.params[2]!);
      if (!repo.branches.delete(branch)) throw new HttpError(422, 'Reference does not exist');
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/git/commits/([^/]+)$`),
    public: true,
    handler: (ctx) => {
      const repo = gitRepo(ctx, false);
      const commit = repo.store.commits.get(ctx.params[2]!);
      if (!commit) throw new HttpError(404, 'Not Found');
      return { status: 200, body: commitJson(ctx.urls, repo, commit) };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/git/commits$`),
    handler: (ctx) => {
      const repo = gitRepo(ctx, true);
      const tree = stringField(ctx.body, 'tree') ?? '';
      const message = stringField(ctx.body, 'message');
      const parents = Array.isArray(ctx.body.parents) ? (ctx.body.parents as unknown[]).map(String) : [];
      if (message === undefined) throw validationFailed('Commit', 'message', 'missing_field');
      if (!repo.store.trees.has(tree)) throw new HttpError(422, 'Tree SHA does not exist');
      if (parents.some((p) => !repo.store.commits.has(p))) throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
      const commit = repo.store.putCommit({ tree, parents, message, author: ctx.state.author() });
      return { status: 201, body: commitJson(ctx.urls, repo, commit) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/git/trees/([^/]+)$`),
    public: true,
    handler: (ctx) => {
      const repo = gitRepo(ctx, false);
      const sha = resolveTree(repo, ctx.params[2]!);
      if (!sha) throw new HttpError(404, 'Not Found');
      const recursive = ctx.query.has('recursive') && !['0', 'false'].includes(ctx.query.get('recursive')!);
      let entries = repo.store.list(sha, recursive);
      const truncated = recursive && entries.length > ctx.state.treeEntryLimit;
      if (truncated) entries = entries.slice(0, ctx.state.treeEntryLimit);
      const api = `${ctx.urls.api}/repos/${repo.owner}/${repo.name}/git`;
      const tree = entries.map((e) => ({ ...e, url: `${api}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` }));
      return { status: 200, body: { sha, url: `${api}/trees/${sha}`, tree, truncated } };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/git/trees$`),
    handler: (ctx) => {
      const repo = gitRepo(ctx, true);
      const baseTree = stringField(ctx.body, 'base_tree');
      if (baseTree !== undefined && !repo.store.trees.has(baseTree)) throw new HttpError(422, 'base_tree is not a valid tree oid');
      const sha = repo.store.build(treeEntries(ctx, repo, baseTree));
      const api = `${ctx.urls.api}/repos/${repo.owner}/${repo.name}/git`;
      const tree = repo.store.list(sha, false).map((e) => ({ ...e, url: `${api}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` }));
      return { status: 201, body: { sha, url: `${api}/trees/${sha}`, tree, truncated: false } };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/git/blobs/([^/]+)$`),
    public: true,
    handler: (ctx) => {
      const repo = gitRepo(ctx, false);
      const sha = ctx.params[2]!;
      const blob = repo.store.blobs.get(sha);
      if (!blob) throw new HttpError(404, 'Not Found');
      const content = (blob.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
      const url = `${ctx.urls.api}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`;
      return { status: 200, body: { sha, node_id: `B_${sha}`, size: blob.length, url, content: `${content}\n`, encoding: 'base64' } };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/git/blobs$`),
    handler: (ctx) => {
      const repo = gitRepo(ctx, true);
      const content = stringField(ctx.body, 'content');
      const encoding = stringField(ctx.body, 'encoding') ?? 'utf-8';
      if (content === undefined) throw validationFailed('Blob', 'content', 'missing_field');
      if (encoding !== 'utf-8' && encoding !== 'base64') throw new HttpError(422, `encoding must be utf-8 or base64`);
      const sha = repo.store.putBlob(Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'));
      return { status: 201, body: { sha, url: `${ctx.urls.api}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}` } };
    },
  },
];
