import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCdn, type CdnServer } from './cdn';
import { controlReply } from './control';
import { FaultPlan, type DoubleFault } from './faults';
import { htmlPage } from './html';
import type { AssetInput } from './release-state';
import { HttpError, type ReadContext, type Reply, type Route } from './router';
import type { DoubleUrls } from './shapes';
import { gitRoutes } from './routes-git';
import { releaseRoutes } from './routes-releases';
import { repoRoutes } from './routes-repos';
import { seedDouble } from './seed';
import { DoubleState, type DoubleUser, type RateLimit } from './state';
import { isReleaseDownloadPath, releaseDownloadLocation } from './web-downloads';

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
  /**
   * The host in release `html_url` and `browser_download_url`: https://github.com by default (the app takes a
   * loopback API base for github.com); with a path prefix, the double's own web origin, as GitHub Enterprise
   * Server names itself. `'self'` asks for the own origin explicitly.
   */
  releaseWebHost?: string;
  /** Requests per hour without a token (GitHub: 60). */
  anonymousRateLimit?: number;
  /** Assets of the seeded sample release (serve.ts passes real installers); none by default. */
  sampleReleaseAssets?: AssetInput[];
}

export interface GitHubDouble {
  /** e.g. http://127.0.0.1:40123, or http://127.0.0.1:40123/api/v3 with a path prefix: the API base URL. */
  url: string;
  /** Where the web pages are (the origin, without the prefix). */
  webUrl: string;
  /** The asset storage's origin, where asset downloads are redirected. */
  cdnUrl: string;
  state: DoubleState;
  close(): Promise<void>;
  /** The next request matching method and path (a RegExp, or a string where `*` is one path segment) gets `status`. */
  failNext(method: string, pathPattern: string | RegExp, status: number): void;
  /**
   * The next matching request fails as `fault` says: a status, a connection dropped before or after the request is
   * handled, or no answer at all (also `POST /_double/fault`). Logged requests carry the fault's kind.
   */
  faultNext(method: string, pathPattern: string | RegExp, fault: DoubleFault): void;
  /** The next CDN download sends its headers and `afterBytes` bytes, then drops the connection. */
  cdnDropNext(fault: { afterBytes: number }): void;
  /** Back to the freshly seeded state (also `POST /_double/reset`). */
  reset(): void;
}

const ROUTES: Route[] = [...repoRoutes, ...releaseRoutes, ...gitRoutes];
const EXPOSED = 'ETag, Link, Location, Retry-After, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-GitHub-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-RateLimit-Used, X-RateLimit-Resource';
const DOCS = 'https://docs.github.com/rest';

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

type Handler = (ctx: Omit<ReadContext, 'user'>) => Reply;

/** The route's handler bound to the caller, or undefined when it needs a signed-in caller and there is none. */
function bind(route: Route, user: DoubleUser | undefined): Handler | undefined {
  if (route.public) return (ctx) => route.handler({ ...ctx, user });
  if (!user) return undefined;
  return (ctx) => route.handler({ ...ctx, user });
}

export async function createGitHubDouble(options: GitHubDoubleOptions = {}): Promise<GitHubDouble> {
  const state = new DoubleState();
  state.anonymousLimit = options.anonymousRateLimit ?? 60;
  const faults = new FaultPlan();
  const prefix = normalizePrefix(options.pathPrefix);
  const urls: DoubleUrls = { api: '', web: '', cdn: '', releaseWeb: '' };
  let cdn: CdnServer | undefined;
  const reset = () => {
    state.clear();
    faults.clear();
    cdn?.clearFaults();
    state.forkDelayMs = options.forkDelayMs ?? 0;
    if (options.seed) seedDouble(state, options.tokens, options.sampleReleaseAssets);
    else {
      let id = 1;
      for (const [token, user] of Object.entries(options.tokens ?? {})) state.tokens.set(token, { ...user, id: id++ });
    }
  };
  const faultNext = (method: string, pathPattern: string | RegExp, fault: DoubleFault) => faults.add(method, pathPattern, fault);
  const failNext = (method: string, pathPattern: string | RegExp, status: number) => faultNext(method, pathPattern, { kind: 'status', status });
  const cdnDropNext = (fault: { afterBytes: number }) => cdn?.dropNext(fault.afterBytes);

  /** `stall`: send the head and half the body, then hold the answer open (the hang-mid-body fault). */
  function send(res: ServerResponse, reply: Reply, user?: DoubleUser, bucket: RateLimit = state.rateLimit, stall = false): void {
    const { limit, remaining, reset: resetAt } = bucket;
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
    const [text, contentType] =
      typeof reply.body === 'string' ? [reply.body, 'text/html; charset=utf-8'] : [JSON.stringify(reply.body), 'application/json; charset=utf-8'];
    headers['Content-Type'] = contentType;
    if (!stall) {
      res.writeHead(reply.status, headers).end(text);
      return;
    }
    const bytes = Buffer.from(text);
    res.writeHead(reply.status, { ...headers, 'Content-Length': String(bytes.length) });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    faults.hold(res);
  }

  function errorReply(error: HttpError): Reply {
    return { status: error.status, body: { message: error.message, ...error.extra, documentation_url: DOCS, status: String(error.status) } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', urls.web);
    const method = (req.method ?? 'GET').toUpperCase();
    const apiPath = apiPathOf(url.pathname, prefix);
    const path = apiPath ?? url.pathname;
    // Web pages live outside the API prefix, as on GitHub Enterprise (with no prefix, everything is both).
    const web = prefix === '' || apiPath === undefined;
    if (method === 'OPTIONS') {
      // github.com's download URLs answer no preflight either: only the API speaks CORS.
      if (web && isReleaseDownloadPath(url.pathname)) return void res.writeHead(404).end();
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, Accept',
        'Access-Control-Expose-Headers': EXPOSED,
        'Access-Control-Max-Age': '86400',
      }).end();
      return;
    }
    // Control endpoints answer at the root and under the prefix alike: scripts build them from either URL.
    if (path.startsWith('/_double/')) {
      const body = method === 'POST' ? await readBody(req).catch(() => ({})) : {};
      try {
        const hooks = { failNext, faultNext, cdnDropNext: (afterBytes: number) => cdnDropNext({ afterBytes }), reset };
        const reply = controlReply(state, hooks, method, path, url.searchParams, body);
        return send(res, reply ?? errorReply(new HttpError(404, 'Not Found')));
      } catch (error) {
        return send(res, errorReply(new HttpError(404, error instanceof Error ? error.message : 'Not Found')));
      }
    }
    const route = apiPath === undefined ? undefined : ROUTES.find((r) => r.method === method && r.pattern.test(apiPath));
    const authorization = req.headers.authorization !== undefined;
    const log = (status: number, fault?: DoubleFault['kind']) =>
      state.requests.push({ method, path, status, ...(apiPath === undefined ? { outsidePrefix: true } : {}), authorization, ...(fault ? { fault } : {}) });
    if (!route) {
      const location = method === 'GET' && web ? releaseDownloadLocation(state, url.pathname) : undefined;
      if (location) {
        log(302);
        // No CORS header, as github.com: a page's fetch of this URL fails, only navigation follows it.
        res.writeHead(302, { Location: location, 'Content-Type': 'text/html; charset=utf-8' }).end(`<html><body>You are being <a href="${location}">redirected</a>.</body></html>`);
        return;
      }
      const page = method === 'GET' && web ? htmlPage(state, urls.api, url.pathname, url.searchParams) : undefined;
      const reply = page ?? errorReply(new HttpError(404, 'Not Found'));
      log(reply.status);
      return send(res, reply);
    }
    const token = tokenOf(req);
    const user = token === undefined ? undefined : state.tokens.get(token);
    // Without a (valid) token GitHub counts against the caller's address, with a far lower limit.
    const bucket = user ? state.rateLimit : state.anonymousRateLimit;
    const handler = token !== undefined && !user ? undefined : bind(route, user);
    if (!handler) {
      log(401);
      return send(res, errorReply(new HttpError(401, token === undefined ? 'Requires authentication' : 'Bad credentials')), undefined, state.anonymousRateLimit);
    }
    if (bucket.remaining <= 0) {
      log(403);
      const who = user
        ? `user ID ${user.id}.`
        : `${req.socket.remoteAddress ?? '127.0.0.1'}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`;
      return send(res, errorReply(new HttpError(403, `API rate limit exceeded for ${who}`)), user, bucket);
    }
    bucket.remaining -= 1;
    const fault = faults.take(method, path);
    if (fault?.kind === 'status') {
      log(fault.status, fault.kind);
      return send(res, errorReply(new HttpError(fault.status, fault.status >= 500 ? 'Server Error' : 'Forced failure')), user, bucket);
    }
    // Not handled at all: status 0 in the log, as nothing was answered.
    if (fault?.kind === 'drop-before' || fault?.kind === 'hang') {
      log(0, fault.kind);
      if (fault.kind === 'hang') faults.hold(res);
      else req.socket.destroy();
      return;
    }
    let reply: Reply;
    try {
      const params = (route.pattern.exec(path) ?? []).slice(1).map((p) => (p === undefined ? '' : decodeURIComponent(p)));
      const body = method === 'GET' || method === 'DELETE' ? {} : await readBody(req);
      reply = handler({ state, urls, params, query: url.searchParams, body, headers: req.headers });
    } catch (error) {
      reply = errorReply(error instanceof HttpError ? error : new HttpError(500, 'Server Error'));
    }
    // Handled from here on: a drop-after or hang-after fault loses only the answer, the state has changed.
    log(reply.status, fault?.kind);
    if (fault?.kind === 'drop-after') req.socket.destroy();
    else if (fault?.kind === 'hang-after') faults.hold(res);
    else send(res, reply, user, bucket, fault?.kind === 'hang-mid-body');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const closeApi = () =>
    new Promise<void>((resolve, reject) => {
      faults.clear();
      server.closeAllConnections();
      server.close((e) => (e ? reject(e) : resolve()));
    });
  try {
    cdn = await startCdn(state, host);
  } catch (error) {
    await closeApi();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  urls.web = `http://${host}:${port}`;
  urls.api = `${urls.web}${prefix}`;
  urls.cdn = cdn.url;
  const releaseHost = options.releaseWebHost ?? (prefix === '' ? 'https://github.com' : 'self');
  urls.releaseWeb = releaseHost === 'self' ? urls.web : releaseHost.replace(/\/+$/, '');
  // Seeding builds asset URLs from these, so they are known first.
  state.urls = urls;
  reset();
  const cdnServer = cdn;
  return {
    url: urls.api,
    webUrl: urls.web,
    cdnUrl: urls.cdn,
    state,
    close: async () => {
      await Promise.all([closeApi(), cdnServer.close()]);
    },
    failNext,
    faultNext,
    cdnDropNext,
    reset,
  };
}
