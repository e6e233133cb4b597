import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlReply } from './control';
import { htmlPage } from './html';
import { HttpError, type Reply, type Route } from './router';
import type { DoubleUrls } from './shapes';
import { gitRoutes } from './routes-git';
import { repoRoutes } from './routes-repos';
import { seedDouble } from './seed';
import { DoubleState, type DoubleUser } from './state';

export interface GitHubDoubleOptions {
  /** Load the winget-pkgs-like upstream and the default tokens (see seed.ts). */
  seed?: boolean;
  /** How long a new fork answers 404 before it is ready. */
  forkDelayMs?: number;
  /** token → user; with `seed`, replaces the default tokens. */
  tokens?: Record<string, { login: string; scopes: string[] | null }>;
  port?: number;
  host?: string;
  /**
   * Serve the API under this path, as GitHub Enterprise Server does under `/api/v3`; web pages (pull requests,
   * compare pages) stay at the root. Requests outside it get 404 and are logged with `outsidePrefix`.
   */
  pathPrefix?: string;
}

export interface GitHubDouble {
  /** e.g. http://127.0.0.1:40123, or http://127.0.0.1:40123/api/v3 with a path prefix: the API base URL. */
  url: string;
  /** Where the web pages are (the origin, without the prefix). */
  webUrl: string;
  state: DoubleState;
  close(): Promise<void>;
  /** The next request matching method and path (a RegExp, or a string where `*` is one path segment) gets `status`. */
  failNext(method: string, pathPattern: string | RegExp, status: number): void;
  /** Back to the freshly seeded state (also `POST /_double/reset`). */
  reset(): void;
}

const ROUTES: Route[] = [...repoRoutes, ...gitRoutes];
const EXPOSED = 'ETag, Link, Location, Retry-After, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-GitHub-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-RateLimit-Used, X-RateLimit-Resource';
const DOCS = 'https://docs.github.com/rest';

function patternOf(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return pattern;
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 20 * 1024 * 1024) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new HttpError(400, 'Problems parsing JSON');
  }
}

/** '' or '/a/b': one leading slash, none trailing, plain segments only. */
function normalizePrefix(prefix = ''): string {
  const path = `/${prefix.trim().replace(/^\/+|\/+$/g, '')}`;
  if (path === '/') return '';
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(path)) throw new Error(`not a path prefix: ${prefix}`);
  return path;
}

/** The path inside the API, or undefined when the request is outside the prefix. */
function apiPathOf(pathname: string, prefix: string): string | undefined {
  if (prefix === '') return pathname;
  if (pathname === prefix) return '/';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}

function tokenOf(req: IncomingMessage): string | undefined {
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

export async function createGitHubDouble(options: GitHubDoubleOptions = {}): Promise<GitHubDouble> {
  const state = new DoubleState();
  const failures: { method: string; pattern: RegExp; status: number }[] = [];
  const reset = () => {
    state.clear();
    failures.length = 0;
    state.forkDelayMs = options.forkDelayMs ?? 0;
    if (options.seed) seedDouble(state, options.tokens);
    else {
      let id = 1;
      for (const [token, user] of Object.entries(options.tokens ?? {})) state.tokens.set(token, { ...user, id: id++ });
    }
  };
  const failNext = (method: string, pathPattern: string | RegExp, status: number) => {
    failures.push({ method: method.toUpperCase(), pattern: patternOf(pathPattern), status });
  };
  reset();
  const prefix = normalizePrefix(options.pathPrefix);
  const urls: DoubleUrls = { api: '', web: '' };

  function send(res: ServerResponse, reply: Reply, user?: DoubleUser): void {
    const { limit, remaining, reset: resetAt } = state.rateLimit;
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': EXPOSED,
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': String(resetAt),
      'X-RateLimit-Used': String(limit - remaining),
      'X-RateLimit-Resource': 'core',
      'X-GitHub-Media-Type': 'github.v3; format=json',
      ...(user && user.scopes !== null ? { 'X-OAuth-Scopes': user.scopes.join(', ') } : {}),
      ...reply.headers,
    };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    const isHtml = typeof reply.body === 'string';
    headers['Content-Type'] = isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
    res.writeHead(reply.status, headers).end(isHtml ? reply.body : JSON.stringify(reply.body));
  }

  function errorReply(error: HttpError): Reply {
    return { status: error.status, body: { message: error.message, ...error.extra, documentation_url: DOCS, status: String(error.status) } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', urls.web);
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, Accept',
        'Access-Control-Expose-Headers': EXPOSED,
        'Access-Control-Max-Age': '86400',
      }).end();
      return;
    }
    const apiPath = apiPathOf(url.pathname, prefix);
    const path = apiPath ?? url.pathname;
    // Control endpoints answer at the root and under the prefix alike: scripts build them from either URL.
    if (path.startsWith('/_double/')) {
      const body = method === 'POST' ? await readBody(req).catch(() => ({})) : {};
      try {
        const reply = controlReply(state, { failNext, reset }, method, path, url.searchParams, body);
        return send(res, reply ?? errorReply(new HttpError(404, 'Not Found')));
      } catch (error) {
        return send(res, errorReply(new HttpError(404, error instanceof Error ? error.message : 'Not Found')));
      }
    }
    const route = apiPath === undefined ? undefined : ROUTES.find((r) => r.method === method && r.pattern.test(apiPath));
    const log = (status: number) => state.requests.push({ method, path, status, ...(apiPath === undefined ? { outsidePrefix: true } : {}) });
    if (!route) {
      // Web pages live outside the API prefix, as on GitHub Enterprise (with no prefix, everything is both).
      const web = prefix === '' || apiPath === undefined;
      const page = method === 'GET' && web ? htmlPage(state, urls.api, url.pathname, url.searchParams) : undefined;
      const reply = page ?? errorReply(new HttpError(404, 'Not Found'));
      log(reply.status);
      return send(res, reply);
    }
    const token = tokenOf(req);
    const user = token === undefined ? undefined : state.tokens.get(token);
    if (!user) {
      log(401);
      return send(res, errorReply(new HttpError(401, token === undefined ? 'Requires authentication' : 'Bad credentials')));
    }
    if (state.rateLimit.remaining <= 0) {
      log(403);
      return send(res, errorReply(new HttpError(403, `API rate limit exceeded for user ID ${user.id}.`)), user);
    }
    state.rateLimit.remaining -= 1;
    const failure = failures.findIndex((f) => f.method === method && f.pattern.test(path));
    if (failure >= 0) {
      const { status } = failures.splice(failure, 1)[0]!;
      log(status);
      return send(res, errorReply(new HttpError(status, status >= 500 ? 'Server Error' : 'Forced failure')), user);
    }
    try {
      const params = (route.pattern.exec(path) ?? []).slice(1).map((p) => (p === undefined ? '' : decodeURIComponent(p)));
      const body = method === 'GET' || method === 'DELETE' ? {} : await readBody(req);
      const reply = route.handler({ state, urls, user, params, query: url.searchParams, body });
      log(reply.status);
      send(res, reply, user);
    } catch (error) {
      const http = error instanceof HttpError ? error : new HttpError(500, 'Server Error');
      log(http.status);
      send(res, errorReply(http), user);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  urls.web = `http://${options.host ?? '127.0.0.1'}:${port}`;
  urls.api = `${urls.web}${prefix}`;
  return {
    url: urls.api,
    webUrl: urls.web,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
    failNext,
    reset,
  };
}
