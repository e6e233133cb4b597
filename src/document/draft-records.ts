/** What a draft looks like in storage and to the shell, and the keys it is stored under. */
import type { DraftJournal } from './draft-journal';
import type { DraftChannel, DraftStorage } from './draft-storage';
import type { DocumentSnapshot, DocumentStore } from './store';
import type { ViewName } from './types';

/** The document of a draft. `revision` grows by one with every save, whichever tab saves. */
export interface DraftRecord extends DocumentSnapshot {
  id: string;
  revision: number;
  updatedAt: number;
  /** Tab that wrote this revision. */
  savedBy: string;
}

/** Where the user was in a draft; not part of its revisions, so scrolling in one tab never conflicts with another. */
export interface DraftUi {
  view: ViewName;
  activeFileKey: string;
  scroll: Partial<Record<ViewName, number>>;
}

export interface DraftSummary {
  id: string;
  name: string;
  updatedAt: number;
}

export const LAST_KEY = 'last-draft';
export const draftKey = (id: string): string => `draft:${id}`;
export const uiKey = (id: string): string => `ui:${id}`;

export function isDraftRecord(value: unknown): value is DraftRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<DraftRecord>;
  return (
    typeof record.draftId === 'string' &&
    typeof record.revision === 'number' &&
    typeof record.set === 'object' &&
    Array.isArray(record.files)
  );
}

export function toSummary(record: DraftRecord): DraftSummary {
  return { id: record.draftId, name: record.draftName, updatedAt: record.updatedAt };
}

export interface DraftsState {
  /** False until the last draft has been looked for; the shell waits so the form does not jump. */
  ready: boolean;
  drafts: DraftSummary[];
  /** Another tab saved this draft after this tab loaded it: this tab no longer saves it. */
  conflict: boolean;
  /** Set while drafts cannot be saved (quota, private mode); the editor keeps working. */
  storageError?: string;
  /** Scroll positions of the draft last loaded, per view; `restoreSeq` changes when they should be applied. */
  scroll: Partial<Record<ViewName, number>>;
  restoreSeq: number;
}

export interface DraftSession {
  getState(): DraftsState;
  subscribe(listener: () => void): () => void;
  /** Restores the last draft (or keeps the new one) and starts saving. */
  start(): Promise<void>;
  /** Saves now what is pending. */
  flush(): Promise<void>;
  switchTo(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Conflict: take the other tab's version. */
  reload(): Promise<void>;
  /** Conflict: keep this tab's version as a new draft. */
  keepMine(): Promise<void>;
  setScroll(view: ViewName, y: number): void;
  dispose(): void;
}

export interface DraftSessionOptions {
  store: DocumentStore;
  storage: DraftStorage;
  channel?: DraftChannel;
  /** The synchronous journal (localStorage in the app) replayed on start; without it edits live only in IndexedDB. */
  journal?: DraftJournal;
  /** Other tabs open now, so their journal entries are left to them. */
  liveTabs?: () => Promise<ReadonlySet<string> | undefined>;
  tabId?: string;
  saveDelayMs?: number;
  now?: () => number;
}

export function newDraftId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') return 'Drafts cannot be saved: this browser’s storage is full. Your work stays in this tab; export it to keep it.';
  return `Drafts cannot be saved here (${detail || name || 'storage unavailable'}). Your work stays in this tab; export it to keep it.`;
}
