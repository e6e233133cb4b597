import { controlRelease } from './control-release';
import { faultOf, type DoubleFault } from './faults';
import type { Reply } from './router';
import { DOUBLE_LOGIN, UPSTREAM } from './seed';
import type { DoubleState } from './state';

/** What the control endpoints need from the server besides the state. */
export interface ControlHooks {
  failNext(method: string, path: string, status: number): void;
  faultNext(method: string, path: string, fault: DoubleFault): void;
  cdnDropNext(afterBytes: number): void;
  reset(): void;
}

const SCOPES = ['token', 'anonymous', 'both'] as const;

function str(body: Record<string, unknown>, name: string, fallback: string): string {
  const v = body[name];
  return typeof v === 'string' ? v : fallback;
}

/**
 * `/_double/…`: arrange and inspect the double over HTTP, for e2e tests that run it as a separate process
 * (`serve.ts`). No auth: it only listens on loopback.
 */
export function controlReply(state: DoubleState, hooks: ControlHooks, method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): Reply | undefined {
  const route = `${method} ${path}`;
  const ok = (value: unknown = { ok: true }): Reply => ({ status: 200, body: value });
  switch (route) {
    case 'GET /_double/pulls':
      return ok(
        state.pulls.map((p) => ({
          number: p.number,
          title: p.title,
          state: p.state,
          body: p.body,
          head: `${p.head.repo.owner}:${p.head.ref}`,
          headRepo: `${p.head.repo.owner}/${p.head.repo.name}`,
          files: state.pullFiles(p.number),
        })),
      );
    case 'GET /_double/files':
      return ok(state.branchFiles(query.get('repo') ?? UPSTREAM, query.get('branch') ?? 'master', query.get('prefix') ?? ''));
    case 'GET /_double/branches':
      return ok([...(state.repo(query.get('repo') ?? `${DOUBLE_LOGIN}/winget-pkgs`)?.branches.keys() ?? [])]);
    case 'GET /_double/requests':
      return ok(state.requests);
    case 'GET /_double/cdn-requests':
      return ok(state.cdnRequests);
    case 'POST /_double/release':
      return ok(controlRelease(state, body));
    case 'POST /_double/cdn-drop-next':
      hooks.cdnDropNext(Number(body.afterBytes ?? 0));
      return ok();
    case 'POST /_double/fail-next':
      hooks.failNext(str(body, 'method', 'GET'), str(body, 'path', ''), Number(body.status ?? 500));
      return ok();
    case 'POST /_double/fault':
      // { method, path, kind: status | drop-before | drop-after | hang | hang-after | hang-mid-body, status? }
      hooks.faultNext(str(body, 'method', 'GET'), str(body, 'path', ''), faultOf(body));
      return ok();
    case 'POST /_double/open-pull': {
      const files = (body.files ?? {}) as Record<string, string>;
      const pull = state.addOpenPull(UPSTREAM, str(body, 'login', 'someone'), str(body, 'title', ''), files);
      if (Array.isArray(body.labels)) pull.labels = body.labels.map(String);
      return ok({ number: pull.number, branch: pull.head.ref, headRepo: `${pull.head.repo.owner}/${pull.head.repo.name}` });
    }
    case 'POST /_double/pull-update': {
      // Someone else's doing: a push to the branch, labels set by the bots, closing or merging.
      const pull = state.pulls.find((p) => p.number === Number(body.number));
      if (!pull) return { status: 404, body: { message: 'no such pull request' } };
      if (body.files) state.commitFiles(`${pull.head.repo.owner}/${pull.head.repo.name}`, pull.head.ref, body.files as Record<string, string | null>, 'Pushed by someone else');
      if (Array.isArray(body.labels)) pull.labels = body.labels.map(String);
      if (body.state === 'closed' || body.state === 'merged') {
        pull.state = 'closed';
        pull.merged = body.state === 'merged';
      }
      return ok();
    }
    case 'GET /_double/pull-commits':
      return ok(state.pullCommits(Number(query.get('number'))));
    case 'POST /_double/upstream-commit':
      return ok({ sha: state.commitFiles(UPSTREAM, str(body, 'branch', 'master'), (body.files ?? {}) as Record<string, string | null>) });
    case 'POST /_double/rate-limit': {
      const scope = SCOPES.find((s) => s === body.scope) ?? 'token';
      state.exhaustRateLimit(typeof body.resetAt === 'string' ? new Date(body.resetAt) : undefined, scope);
      return ok();
    }
    case 'POST /_double/fork-delay':
      state.forkDelayMs = Number(body.ms ?? 0);
      return ok();
    case 'POST /_double/reset':
      hooks.reset();
      return ok();
    default:
      return undefined;
  }
}
