/**
 * Which tab this is, across its own reloads, and which tabs are open now: a journal entry of an open tab is that
 * tab's business (it saves it itself), one of a closed tab (or of this tab before a reload) is replayed.
 * The id lives in sessionStorage (per tab, kept by reloads); liveness is a Web Lock each tab holds while open,
 * released by the browser the moment the tab goes.
 */
const TAB_KEY = 'wingsmith.tab';
const LOCK_PREFIX = 'wingsmith-tab:';

export interface TabIdentity {
  id: string;
  /** Ids of the other tabs open now; undefined when the browser cannot tell (no Web Locks). */
  liveTabs(): Promise<ReadonlySet<string> | undefined>;
}

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
}

export function browserTabIdentity(): TabIdentity {
  let id: string;
  try {
    id = sessionStorage.getItem(TAB_KEY) ?? randomId();
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    id = randomId();
  }
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // Held until the page goes away: the promise never settles.
  void locks?.request(`${LOCK_PREFIX}${id}`, () => new Promise<never>(() => undefined)).catch(() => undefined);
  return {
    id,
    async liveTabs() {
      if (!locks) return undefined;
      try {
        const { held = [] } = await locks.query();
        const names = held.flatMap((l) => (l.name?.startsWith(LOCK_PREFIX) ? [l.name.slice(LOCK_PREFIX.length)] : []));
        return new Set(names.filter((n) => n !== id));
      } catch {
        return undefined;
      }
    },
  };
}
