/**
 * Replaying the journal on start: each entry of a tab that is gone becomes the draft's next stored revision, unless
 * someone saved that draft after the entry's base revision; then it is kept beside it as a recovered copy, so
 * neither overwrites the other.
 */
import type { DraftJournal, JournalEntry } from './draft-journal';
import { draftKey, isDraftRecord, newDraftId, type DraftRecord } from './draft-records';
import type { DraftStorage } from './draft-storage';

/** Without Web Locks, an entry this old is taken to be from a tab that is gone (an open tab saves within a second). */
export const ORPHAN_AFTER_MS = 5000;

export interface ReplayContext {
  storage: DraftStorage;
  journal: DraftJournal;
  tab: string;
  now: () => number;
  liveTabs?: () => Promise<ReadonlySet<string> | undefined>;
}

export interface ReplayResult {
  /** The draft the newest replayed entry went to: what the user was editing last. */
  lastDraftId?: string;
  /** Entries IndexedDB would not take: the newest, to open from memory. */
  unsaved?: JournalEntry;
}

function sameContent(record: DraftRecord, entry: JournalEntry): boolean {
  const a = record.files.map((f) => f.text);
  const b = entry.snapshot.files.map((f) => f.text);
  return record.draftName === entry.snapshot.draftName && a.length === b.length && a.every((t, i) => t === b[i]);
}

async function orphans(ctx: ReplayContext): Promise<JournalEntry[]> {
  const live = await ctx.liveTabs?.();
  const now = ctx.now();
  return ctx.journal
    .entries()
    .filter((e) => e.tab === ctx.tab || (live ? !live.has(e.tab) : now - e.at > ORPHAN_AFTER_MS))
    .sort((a, b) => a.at - b.at);
}

async function replayOne(ctx: ReplayContext, entry: JournalEntry): Promise<string> {
  // An object, so the updater's assignment is seen after the await.
  const seen: { outcome: 'applied' | 'same' | 'conflict' } = { outcome: 'applied' };
  await ctx.storage.update(draftKey(entry.draftId), (old) => {
    const stored = isDraftRecord(old) ? old : undefined;
    if (stored && stored.revision > entry.base) {
      seen.outcome = sameContent(stored, entry) ? 'same' : 'conflict';
      return stored;
    }
    const record: DraftRecord = { ...entry.snapshot, id: entry.draftId, revision: (stored?.revision ?? 0) + 1, updatedAt: entry.at, savedBy: entry.tab };
    return record;
  });
  if (seen.outcome !== 'conflict') return entry.draftId;
  const id = newDraftId();
  const copy: DraftRecord = {
    ...entry.snapshot, draftId: id, id, draftName: `${entry.snapshot.draftName} (recovered)`, nameIsCustom: true, revision: 1, updatedAt: entry.at, savedBy: entry.tab,
  };
  await ctx.storage.set(draftKey(id), copy);
  return id;
}

export async function replayJournal(ctx: ReplayContext): Promise<ReplayResult> {
  const result: ReplayResult = {};
  for (const entry of await orphans(ctx)) {
    try {
      result.lastDraftId = await replayOne(ctx, entry);
      ctx.journal.remove(entry.draftId, entry.tab, entry.seq);
    } catch {
      // IndexedDB refused: the entry stays for the next start, and this start opens it from memory.
      result.unsaved = entry;
    }
  }
  return result;
}
