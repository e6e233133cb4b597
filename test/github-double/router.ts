import type { IncomingHttpHeaders } from 'node:http';
import type { DoubleUrls } from './shapes';
import type { DoubleRepo, DoubleState, DoubleUser } from './state';

/** What a read route gets: the caller may be anonymous (GitHub serves public data without a token). */
export interface ReadContext {
  state: DoubleState;
  /** The double's own addresses, for URLs in responses. */
  urls: DoubleUrls;
  user?: DoubleUser;
  /** Path captures, URL-decoded (octokit encodes `/` inside parameters as %2F). */
  params: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

/** What a route that needs a signed-in caller gets; the server answers 401 before calling it otherwise. */
export interface RouteContext extends ReadContext {
  user: DoubleUser;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route =
  | { method: string; pattern: RegExp; public?: false; handler: (ctx: RouteContext) => Reply }
  /** Answers anonymous callers too, as GitHub does for reads of public repositories. */
  | { method: 'GET'; pattern: RegExp; public: true; handler: (ctx: ReadContext) => Reply };

/** A GitHub-style error answer: `{ message, documentation_url, status }` plus extras such as `errors`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function validationFailed(resource: string, field: string, code = 'invalid', message?: string): HttpError {
  return new HttpError(422, 'Validation Failed', { errors: [{ resource, field, code, ...(message ? { message } : {}) }] });
}

export function isOwner(ctx: ReadContext, repo: DoubleRepo): boolean {
  return ctx.user !== undefined && ctx.user.login.toLowerCase() === repo.owner.toLowerCase();
}

/** GitHub answers 404, not 403, for a private repository the caller may not see: it does not admit it exists. */
function hidden(ctx: ReadContext, repo: DoubleRepo): boolean {
  return repo.meta.private && !isOwner(ctx, repo);
}

/** A repository the caller can see: 404 for unknown and hidden private ones, and for forks GitHub is still copying. */
export function visibleRepo(ctx: ReadContext, owner: string, name: string): DoubleRepo {
  const repo = ctx.state.repo(`${owner}/${name}`);
  if (!repo || repo.readyAt > Date.now() || hidden(ctx, repo)) throw new HttpError(404, 'Not Found');
  return repo;
}

/** Git data of a repository; a fork that is still being copied has none yet (409, as GitHub says then). */
export function gitRepo(ctx: ReadContext, write: boolean): DoubleRepo {
  const [owner = '', name = ''] = ctx.params;
  const repo = ctx.state.repo(`${owner}/${name}`);
  if (!repo || hidden(ctx, repo)) throw new HttpError(404, 'Not Found');
  if (repo.readyAt > Date.now()) throw new HttpError(409, 'Git Repository is empty.');
  // GitHub hides repositories one cannot write to behind 404 on write endpoints.
  if (write && !isOwner(ctx, repo)) throw new HttpError(404, 'Not Found');
  return repo;
}

export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}

export function pageParam(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const n = Number(query.get(name) ?? fallback);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** GitHub's pagination header: next and last (and prev and first once past page 1). */
export function linkHeader(base: string, page: number, perPage: number, total: number): string | undefined {
  const last = Math.max(1, Math.ceil(total / perPage));
  const link = (p: number, rel: string) => `<${base}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
  const parts: string[] = [];
  if (page > 1) parts.push(link(page - 1, 'prev'));
  if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) parts.push(link(1, 'first'));
  return parts.length > 0 ? parts.join(', ') : undefined;
}
