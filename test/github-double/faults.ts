/**
 * Fault injection: the next request matching a method and path pattern goes wrong in one of the ways a real
 * connection to GitHub does. What matters for the app is whether GitHub acted before the answer went missing, so
 * the dropped and hung kinds come as a pair each: before the request is handled (state unchanged) and after
 * (state changed, answer lost).
 */
import type { ServerResponse } from 'node:http';

export type FaultKind = 'status' | 'drop-before' | 'drop-after' | 'hang' | 'hang-after' | 'hang-mid-body';

export type DoubleFault =
  /** An error answer with this status; the request is not handled. */
  | { kind: 'status'; status: number }
  /**
   * drop-before / drop-after: the socket is destroyed instead of answering, before or after handling the request.
   * hang / hang-after: no answer ever comes (until the client gives up or the double closes), before or after.
   * hang-mid-body: handled, then the status, the headers and half the body arrive and the rest never does (a
   * connection that stalls part-way through an answer).
   */
  | { kind: Exclude<FaultKind, 'status'> };

export const FAULT_KINDS: readonly FaultKind[] = ['status', 'drop-before', 'drop-after', 'hang', 'hang-after', 'hang-mid-body'];

/** A RegExp, or a string where `*` stands for one path segment. */
export function patternOf(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return pattern;
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

/** The control endpoint's body (`POST /_double/fault`) as a fault; throws on an unknown kind. */
export function faultOf(body: Record<string, unknown>): DoubleFault {
  const kind = FAULT_KINDS.find((k) => k === body.kind);
  if (!kind) throw new Error(`unknown fault kind ${String(body.kind)}; one of ${FAULT_KINDS.join(', ')}`);
  return kind === 'status' ? { kind, status: Number(body.status ?? 500) } : { kind };
}

export class FaultPlan {
  private pending: { method: string; pattern: RegExp; fault: DoubleFault }[] = [];
  /** Answers held open by a hang, so that reset and close can let them go. */
  private readonly held = new Set<ServerResponse>();

  add(method: string, pattern: string | RegExp, fault: DoubleFault): void {
    this.pending.push({ method: method.toUpperCase(), pattern: patternOf(pattern), fault });
  }

  /** The fault for this request, if one is waiting for it; it is used up. */
  take(method: string, path: string): DoubleFault | undefined {
    const index = this.pending.findIndex((f) => f.method === method && f.pattern.test(path));
    return index < 0 ? undefined : this.pending.splice(index, 1)[0]!.fault;
  }

  /** Keeps the answer open without a byte; the client's timeout (or cancel) is what ends it. */
  hold(res: ServerResponse): void {
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
  }

  /** Forgets waiting faults and drops held connections. */
  clear(): void {
    this.pending = [];
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }
}
