import { RequestTimeoutError } from './timeouts';
import { GitHubError } from './types';

/** What the failing call was about, so 404s and 422s can say which thing is missing or refused. */
export interface ErrorContext {
  /** e.g. "the repository microsoft/winget-pkgs". */
  subject?: string;
  /** The token, to scrub it from any text that ends up in a message; `''` means reading anonymously. */
  token?: string;
}

interface ResponseLike {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

/** Thrown by the guarded fetch; says why a request never left. */
export class ForeignHostError extends Error {
  constructor(url: string) {
    super(`Refused to send the GitHub token to ${safeOrigin(url)}: it is not the configured API base URL.`);
    this.name = 'ForeignHostError';
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unknown address';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function responseOf(error: unknown): ResponseLike | undefined {
  if (!isRecord(error) || !isRecord(error.response)) return undefined;
  const r = error.response;
  if (typeof r.status !== 'number') return undefined;
  return { status: r.status, headers: isRecord(r.headers) ? (r.headers as ResponseLike['headers']) : {}, data: r.data };
}

/** GitHub's own message, plus its validation details (`errors[].message` or `code` on `field`). */
export function gitHubMessage(data: unknown): string {
  if (!isRecord(data)) return typeof data === 'string' ? data.slice(0, 300) : '';
  const parts: string[] = [];
  if (typeof data.message === 'string') parts.push(data.message);
  if (Array.isArray(data.errors)) {
    for (const e of data.errors) {
      if (typeof e === 'string') parts.push(e);
      else if (isRecord(e)) {
        if (typeof e.message === 'string') parts.push(e.message);
        else if (typeof e.field === 'string') parts.push(`${e.field}: ${String(e.code ?? 'invalid')}`);
      }
    }
  }
  return parts.join('; ');
}

function scrub(text: string, token: string | undefined): string {
  return token ? text.split(token).join('[token]') : text;
}

function header(res: ResponseLike, name: string): string | undefined {
  const v = res.headers[name] ?? res.headers[name.toLowerCase()];
  return v === undefined ? undefined : String(v);
}

function rateLimitReset(res: ResponseLike): Date | undefined {
  const retryAfter = header(res, 'retry-after');
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter)) return new Date(Date.now() + Number(retryAfter) * 1000);
  const reset = header(res, 'x-ratelimit-reset');
  if (reset !== undefined && /^\d+$/.test(reset)) return new Date(Number(reset) * 1000);
  return undefined;
}

function timeOf(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function isRateLimited(res: ResponseLike, message: string): boolean {
  if (res.status === 429) return true;
  if (res.status !== 403) return false;
  return header(res, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(message);
}

export function isAbort(error: unknown): boolean {
  return isRecord(error) && error.name === 'AbortError';
}

/** Turns whatever a GitHub call threw into a GitHubError whose userMessage says what happened and what to do. */
export function toGitHubError(error: unknown, context: ErrorContext = {}): GitHubError {
  if (error instanceof GitHubError) return error;
  const subject = context.subject ?? 'the requested item';
  if (isAbort(error)) return new GitHubError('network', 'Cancelled before GitHub answered.');
  const res = responseOf(error);
  if (!res) {
    const cause = isRecord(error) ? error.cause : undefined;
    if (cause instanceof ForeignHostError) return new GitHubError('network', cause.message);
    const timeout = cause instanceof RequestTimeoutError ? cause : error instanceof RequestTimeoutError ? error : undefined;
    if (timeout) {
      const limit = timeout.ms < 1000 ? `${timeout.ms} ms` : `${Math.round(timeout.ms / 1000)} s`;
      return new GitHubError('network', `GitHub did not answer about ${subject} within ${limit}: the connection hung. Check the connection, then try again.`);
    }
    return new GitHubError(
      'network',
      'Could not reach GitHub: the network is down, the API base URL is wrong, or a browser extension or proxy blocked the request. Check the connection and the API base URL in Settings, then try again.',
    );
  }
  const said = scrub(gitHubMessage(res.data), context.token);
  const quoted = said ? ` GitHub said: “${said}”.` : '';
  const { status } = res;
  if (status === 401) {
    return new GitHubError('auth', 'GitHub rejected the token (401): it is invalid, expired or revoked. Create a new token and paste it in Settings.', { status });
  }
  if (isRateLimited(res, said)) {
    const resetAt = rateLimitReset(res);
    const when = resetAt ? `It resets at ${timeOf(resetAt)}; try again then.` : 'Wait a few minutes, then try again.';
    const anonymous = context.token === '' ? ' Without a token GitHub allows 60 requests an hour; a token in Settings raises that to 5,000.' : '';
    return new GitHubError('rate-limit', `GitHub's API rate limit is used up (${status}). ${when}${anonymous}`, resetAt ? { status, resetAt } : { status });
  }
  if (status === 403) {
    return new GitHubError(
      'forbidden',
      `GitHub refused access to ${subject} (403).${quoted} A classic token needs the public_repo scope (repo for private repositories); a fine-grained token needs access to this repository. Update the token in Settings.`,
      { status },
    );
  }
  if (status === 404) {
    return new GitHubError(
      'not-found',
      context.token === ''
        ? `Not found (404): ${subject} does not exist, or it is private and no token is set. Check the target repository in Settings, or paste a token that can see it.`
        : `Not found (404): ${subject} does not exist, or the token cannot see it. Check the target repository in Settings and the token's access.`,
      { status },
    );
  }
  if (status === 409) {
    return new GitHubError('conflict', `GitHub reported a conflict on ${subject} (409).${quoted} The repository changed meanwhile or is empty; try again.`, { status });
  }
  if (status === 422) {
    return new GitHubError('validation', `GitHub refused the request for ${subject} (422).${quoted}`, { status });
  }
  if (status >= 500) {
    return new GitHubError('server', `GitHub had a server error (${status}) with ${subject}. Try again in a moment.`, { status });
  }
  return new GitHubError('server', `GitHub answered ${status} for ${subject}.${quoted} Try again.`, { status });
}
