/**
 * Where drafts live and how tabs hear about each other's saves. The drafts logic depends on these small
 * interfaces only, so tests run it on memory and the app on IndexedDB (idb-keyval) and BroadcastChannel.
 */
import { createStore, del, entries, get, set, update } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';

export interface DraftStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Read and write in one transaction, so two tabs cannot both write over the same revision. */
  update(key: string, updater: (old: unknown) => unknown): Promise<void>;
  del(key: string): Promise<void>;
  entries(): Promise<[string, unknown][]>;
}

export interface DraftMessage {
  type: 'saved' | 'deleted';
  id: string;
  revision: number;
  /** The tab that sent it; a tab ignores its own messages. */
  tab: string;
}

export interface DraftChannel {
  post(message: DraftMessage): void;
  listen(handler: (message: DraftMessage) => void): () => void;
  close(): void;
}

/** IndexedDB through idb-keyval. Opening is deferred so that a browser without IndexedDB fails on use, visibly. */
export function idbDraftStorage(dbName = 'wingsmith', storeName = 'drafts'): DraftStorage {
  let store: UseStore | undefined;
  const use = (): UseStore => {
    store ??= createStore(dbName, storeName);
    return store;
  };
  const run = async <T>(op: () => Promise<T>): Promise<T> => op();
  return {
    get: (key) => run(() => get(key, use())),
    set: (key, value) => run(() => set(key, value, use())),
    update: (key, updater) => run(() => update(key, updater, use())),
    del: (key) => run(() => del(key, use())),
    entries: () => run(() => entries<string, unknown>(use())),
  };
}

/** Plain memory, with values copied the way IndexedDB's structured clone copies them. */
export function memoryDraftStorage(initial: Iterable<[string, unknown]> = []): DraftStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(initial);
  const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
  return {
    data,
    get: async (key) => copy(data.get(key)),
    set: async (key, value) => void data.set(key, copy(value)),
    update: async (key, updater) => void data.set(key, copy(updater(copy(data.get(key))))),
    del: async (key) => void data.delete(key),
    entries: async () => [...data.entries()].map(([k, v]) => [k, copy(v)] as [string, unknown]),
  };
}

/** BroadcastChannel between tabs of this origin; undefined where the browser has none. */
export function broadcastDraftChannel(name = 'wingsmith-drafts'): DraftChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(handler) {
      const listener = (event: MessageEvent<DraftMessage>) => handler(event.data);
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
    close: () => channel.close(),
  };
}

/** Channels that deliver to each other in memory, like tabs of one browser (for tests). */
export function memoryChannelHub(): { channel(): DraftChannel } {
  const handlers = new Set<(message: DraftMessage) => void>();
  return {
    channel() {
      const own = new Set<(message: DraftMessage) => void>();
      return {
        post(message) {
          for (const handler of handlers) if (!own.has(handler)) handler(structuredClone(message));
        },
        listen(handler) {
          own.add(handler);
          handlers.add(handler);
          return () => {
            own.delete(handler);
            handlers.delete(handler);
          };
        },
        close() {
          for (const handler of own) handlers.delete(handler);
          own.clear();
        },
      };
    },
  };
}
