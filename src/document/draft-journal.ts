/**
 * The synchronous half of saving: the latest state of each draft a tab edits, written to localStorage in the same
 * task as the edit (IndexedDB only answers later, and a reload or a closed tab does not wait). It is replayed into
 * IndexedDB on the next start and dropped once IndexedDB holds what it says.
 */
import type { DocumentSnapshot } from './store';

export interface JournalEntry {
  draftId: string;
  /** The tab that wrote it (kept across reloads of that tab, see tab-identity.ts). */
  tab: string;
  /** The stored revision the tab's edits build on: a newer stored one means someone else saved meanwhile. */
  base: number;
  /** Grows with every write of this tab for this draft, so a save only clears what it actually saved. */
  seq: number;
  at: number;
  snapshot: DocumentSnapshot;
}

export interface DraftJournal {
  /** Throws when the browser refuses (quota, storage disabled); the caller decides what that means. */
  write(entry: JournalEntry): void;
  entries(): JournalEntry[];
  /** Removes the entry of this draft and tab, only if it is still `seq` when given. */
  remove(draftId: string, tab: string, seq?: number): void;
}

const PREFIX = 'wingsmith.journal.';

interface KeyValue {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function isEntry(value: unknown): value is JournalEntry {
  const v = value as Partial<JournalEntry> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.draftId === 'string' && typeof v.tab === 'string' &&
    typeof v.base === 'number' && typeof v.seq === 'number' && typeof v.at === 'number' &&
    typeof v.snapshot === 'object' && v.snapshot !== null && Array.isArray(v.snapshot.files)
  );
}

/** The journal in a Storage-like object (localStorage in the app); undefined where there is none. */
export function storageJournal(store: KeyValue | undefined = safeLocalStorage()): DraftJournal | undefined {
  if (!store) return undefined;
  const keyOf = (draftId: string, tab: string) => `${PREFIX}${draftId}.${tab}`;
  const read = (key: string): JournalEntry | undefined => {
    try {
      const parsed: unknown = JSON.parse(store.getItem(key) ?? 'null');
      return isEntry(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    write(entry) {
      store.setItem(keyOf(entry.draftId, entry.tab), JSON.stringify(entry));
    },
    entries() {
      const out: JournalEntry[] = [];
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        const entry = key?.startsWith(PREFIX) ? read(key) : undefined;
        if (entry) out.push(entry);
      }
      return out;
    },
    remove(draftId, tab, seq) {
      const key = keyOf(draftId, tab);
      if (seq === undefined || read(key)?.seq === seq) store.removeItem(key);
    },
  };
}

function safeLocalStorage(): KeyValue | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** A Storage in memory (tests), with the same string round trip as localStorage. */
export function memoryKeyValue(): KeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}
