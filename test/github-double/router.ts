import type { DoubleUrls } from './shapes';
import type { DoubleRepo, DoubleState, DoubleUser } from './state';

export interface RouteContext {
  state: DoubleState;
  /** The double's own addresses, for URLs in responses. */
  urls: DoubleUrls;
  user: DoubleUser;
  /** Path captures, URL-decoded (octokit encodes `/` inside parameters as %2F). */
  params: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handler: (ctx: RouteContext) => Reply;
}

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

/** A repository the caller can see: 404 for unknown ones and for forks GitHub is still copying. */
export function visibleRepo(ctx: RouteContext, owner: string, name: string): DoubleRepo {
  const repo = ctx.state.repo(`${owner}/${name}`);
  if (!repo || repo.readyAt > Date.now()) throw new HttpError(404, 'Not Found');
  return repo;
}

/** Git data of a repository; a fork that is still being copied has none yet (409, as GitHub says then). */
export function gitRepo(ctx: RouteContext, write: boolean): DoubleRepo {
  const [owner = '', name = ''] = ctx.params;
  const repo = ctx.state.repo(`${owner}/${name}`);
  if (!repo) throw new HttpError(404, 'Not Found');
  if (repo.readyAt > Date.now()) throw new HttpError(409, 'Git Repository is empty.');
  // GitHub hides repositories one cannot write to behind 404 on write endpoints.
  if (write && repo.owner.toLowerCase() !== ctx.user.login.toLowerCase()) throw new HttpError(404, 'Not Found');
  return repo;
}

export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}
