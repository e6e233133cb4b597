/**
 * A time limit on every GitHub request. Without one, a connection that stops answering (a dropped Wi-Fi, a proxy
 * that swallows the response) leaves a step spinning for ever; with one it becomes a failure the user can Retry.
 */

/** What a request does, which sets how long it may take. */
export type RequestKind = 'read' | 'upload' | 'write' | 'pull-request';

export type RequestTimeouts = Record<RequestKind, number>;

/**
 * GitHub answers most REST calls within its own 10 s limit; these leave room for a slow link. Uploads carry the
 * file bodies over the user's uplink, and opening a pull request on a repository the size of winget-pkgs is the
 * slowest write GitHub does, so both get longer.
 */
export const DEFAULT_TIMEOUTS: RequestTimeouts = { read: 30_000, upload: 60_000, write: 30_000, 'pull-request': 60_000 };

/** Thrown by the timed fetch when the limit passed before GitHub answered (not when the caller cancelled). */
export class RequestTimeoutError extends Error {
  constructor(
    readonly kind: RequestKind,
    readonly ms: number,
  ) {
    super(`GitHub did not answer within ${ms} ms`);
    this.name = 'RequestTimeoutError';
  }
}

export function requestKind(method: string, url: string): RequestKind {
  const verb = method.toUpperCase();
  if (verb === 'GET' || verb === 'HEAD') return 'read';
  const path = url.replace(/[?#].*$/, '');
  if (verb === 'POST' && /\/git\/blobs$/.test(path)) return 'upload';
  if (verb === 'POST' && /\/repos\/[^/]+\/[^/]+\/pulls$/.test(path)) return 'pull-request';
  return 'write';
}

/** Aborts when either signal does; AbortSignal.any where the browser has it (Safari before 17.4 does not). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const both = new AbortController();
  const stop = (from: AbortSignal) => () => both.abort(from.reason);
  if (a.aborted || b.aborted) both.abort((a.aborted ? a : b).reason);
  a.addEventListener('abort', stop(a), { once: true });
  b.addEventListener('abort', stop(b), { once: true });
  return both.signal;
}

/**
 * The answer with its body read to the end. The limit covers the body too: octokit reads a JSON body with its
 * errors swallowed, so a connection stalling part-way through an answer would otherwise come out as a success
 * whose data is an empty string.
 */
async function buffered(response: Response, method: string): Promise<Response> {
  const empty = method === 'HEAD' || response.status === 204 || response.status === 304;
  const body = empty ? null : await response.arrayBuffer();
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

/** `inner` with a per-kind time limit combined with the caller's own signal (octokit passes `request.signal`). */
export function timedFetch(inner: typeof fetch, timeouts: RequestTimeouts): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const kind = requestKind(method, url);
    const ms = timeouts[kind];
    const timer = AbortSignal.timeout(ms);
    const own = init?.signal ?? undefined;
    try {
      return await buffered(await inner(input, { ...init, signal: own ? eitherSignal(own, timer) : timer }), method);
    } catch (error) {
      // A cancel by the caller stays a cancel; only the limit passing becomes a timeout.
      if (timer.aborted && !own?.aborted) throw new RequestTimeoutError(kind, ms);
      throw error;
    }
  };
}
