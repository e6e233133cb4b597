/**
 * Drafts: every change of the document saved locally within a second, the last draft restored on reload, a list
 * to switch, rename and delete, and no silent overwrite between two tabs on one draft. Each save bumps the
 * draft's revision inside one storage transaction; a tab that finds (or hears of) a revision newer than the one
 * it loaded stops saving that draft and asks the user: reload theirs, or keep its own as a new draft.
 */
import type { DraftMessage } from './draft-storage';
import { replayJournal } from './draft-replay';
import { describeStorageError, draftKey, isDraftRecord, newDraftId, toSummary, uiKey, LAST_KEY } from './draft-records';
import type { DraftRecord, DraftSession, DraftSessionOptions, DraftsState, DraftUi } from './draft-records';
import type { DocumentSnapshot } from './store';

export type { DraftSession, DraftSessionOptions, DraftsState, DraftSummary } from './draft-records';

export function createDraftSession(options: DraftSessionOptions): DraftSession {
  const { store, storage, channel, journal } = options;
  const tab = options.tabId ?? Math.random().toString(36).slice(2);
  const delay = options.saveDelayMs ?? 300;
  const now = options.now ?? Date.now;
  const listeners = new Set<() => void>();
  let state: DraftsState = { ready: false, drafts: [], conflict: false, scroll: {}, restoreSeq: 0 };
  /** For each draft this tab has loaded or saved, the revision it last saw: a newer stored one is someone else's. */
  const revisions = new Map<string, number>();
  let last = store.getState();
  let lastSnapshot = store.snapshot();
  let contentTimer: ReturnType<typeof setTimeout> | undefined;
  let uiTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  /** True while this session itself replaces the document, which is not an edit to save. */
  let loading = false;
  /** Per draft, the seq of this tab's last journal write. */
  const journalSeqs = new Map<string, number>();

  /** The edit, in localStorage before this task ends: what a reload or a closed tab cannot take away. */
  const writeJournal = (): void => {
    if (!journal) return;
    const doc = store.snapshot();
    const seq = (journalSeqs.get(doc.draftId) ?? 0) + 1;
    journalSeqs.set(doc.draftId, seq);
    try {
      journal.write({ draftId: doc.draftId, tab, base: revisions.get(doc.draftId) ?? 0, seq, at: now(), snapshot: doc });
    } catch {
      // localStorage full or off: IndexedDB still saves within the debounce, and a failure there is told.
    }
  };

  const setState = (next: Partial<DraftsState>): void => {
    state = { ...state, ...next };
    for (const listener of [...listeners]) listener();
  };
  const guard = async (op: () => Promise<void>): Promise<boolean> => {
    try {
      await op();
      if (state.storageError) setState({ storageError: undefined });
      return true;
    } catch (error) {
      setState({ storageError: describeStorageError(error) });
      return false;
    }
  };

  const refreshList = (): Promise<boolean> =>
    guard(async () => {
      const all = await storage.entries();
      const drafts = all.map(([, v]) => v).filter(isDraftRecord).map(toSummary).sort((a, b) => b.updatedAt - a.updatedAt);
      setState({ drafts });
    });

  const isCurrent = (id: string): boolean => id === store.getState().draftId;

  /** Saves `doc` (the current document unless a pending save of the one just left). */
  const saveContent = async (doc: DocumentSnapshot = store.snapshot()): Promise<void> => {
    if (!state.ready || (state.conflict && isCurrent(doc.draftId))) return;
    const known = revisions.get(doc.draftId) ?? 0;
    const seqAtSave = journalSeqs.get(doc.draftId);
    let conflict = false;
    let written = known;
    const ok = await guard(() =>
      storage.update(draftKey(doc.draftId), (old) => {
        const stored = isDraftRecord(old) ? old : undefined;
        if (stored && stored.revision > known) {
          conflict = true;
          return stored;
        }
        written = (stored?.revision ?? 0) + 1;
        const record: DraftRecord = { ...doc, id: doc.draftId, revision: written, updatedAt: now(), savedBy: tab };
        return record;
      }),
    );
    if (!ok) return;
    if (conflict) {
      // The user left this draft: keeping its last edits as a copy beats asking about a draft they no longer see.
      if (isCurrent(doc.draftId)) setState({ conflict: true });
      else await saveContent({ ...doc, draftId: newDraftId(), draftName: `${doc.draftName} (copy)`, nameIsCustom: true });
      return;
    }
    revisions.set(doc.draftId, written);
    if (seqAtSave !== undefined) journal?.remove(doc.draftId, tab, seqAtSave);
    channel?.post({ type: 'saved', id: doc.draftId, revision: written, tab });
    await guard(() => storage.set(LAST_KEY, doc.draftId));
    await refreshList();
  };

  const saveUi = async (): Promise<void> => {
    const s = store.getState();
    const ui: DraftUi = { view: s.view, activeFileKey: s.activeFileKey, scroll: state.scroll };
    await guard(() => storage.set(uiKey(s.draftId), ui));
  };

  const queue = (op: () => Promise<void>): Promise<void> => {
    saving = saving.then(op, op);
    return saving;
  };
  const scheduleContent = (): void => {
    if (contentTimer !== undefined) clearTimeout(contentTimer);
    contentTimer = setTimeout(() => {
      contentTimer = undefined;
      void queue(() => saveContent());
    }, delay);
  };
  const scheduleUi = (): void => {
    if (uiTimer !== undefined) clearTimeout(uiTimer);
    uiTimer = setTimeout(() => {
      uiTimer = undefined;
      void queue(saveUi);
    }, delay);
  };

  const unsubscribe = store.subscribe(() => {
    const s = store.getState();
    const previous = lastSnapshot;
    lastSnapshot = store.snapshot();
    if (s.draftId !== last.draftId) {
      // Edits of the draft just left that the debounce has not saved yet are saved now, as that draft.
      if (contentTimer !== undefined) {
        clearTimeout(contentTimer);
        contentTimer = undefined;
        void queue(() => saveContent(previous));
      }
      setState({ conflict: false, scroll: {} });
    }
    const contentChanged =
      s.set !== last.set || s.files !== last.files || s.manifestVersion !== last.manifestVersion || s.draftName !== last.draftName ||
      s.pullRequest !== last.pullRequest || previous.todoProgress?.revealed !== lastSnapshot.todoProgress?.revealed;
    const uiChanged = s.view !== last.view || s.activeFileKey !== last.activeFileKey;
    last = s;
    if (!state.ready || loading) return;
    if (contentChanged) writeJournal();
    if (contentChanged) scheduleContent();
    if (contentChanged || uiChanged) scheduleUi();
  });

  const loadRecord = async (record: DraftRecord): Promise<void> => {
    let ui: DraftUi | undefined;
    await guard(async () => {
      const stored = await storage.get(uiKey(record.id));
      if (stored && typeof stored === 'object') ui = stored as DraftUi;
    });
    revisions.set(record.draftId, record.revision);
    loading = true;
    try {
      store.load({ ...record, view: ui?.view ?? store.getState().view, activeFileKey: ui?.activeFileKey ?? record.activeFileKey });
    } finally {
      loading = false;
    }
    setState({ conflict: false, scroll: ui?.scroll ?? {}, restoreSeq: state.restoreSeq + 1 });
    await guard(() => storage.set(LAST_KEY, record.draftId));
  };

  const readRecord = async (id: string): Promise<DraftRecord | undefined> => {
    let record: DraftRecord | undefined;
    await guard(async () => {
      const stored = await storage.get(draftKey(id));
      record = isDraftRecord(stored) ? stored : undefined;
    });
    return record;
  };

  const onMessage = (message: DraftMessage): void => {
    if (message.tab === tab) return;
    void refreshList();
    const id = store.getState().draftId;
    if (message.type === 'saved' && message.id === id && message.revision > (revisions.get(id) ?? 0)) setState({ conflict: true });
  };
  const stopListening = channel?.listen(onMessage);

  const flush = async (): Promise<void> => {
    if (contentTimer !== undefined) {
      clearTimeout(contentTimer);
      contentTimer = undefined;
      void queue(() => saveContent());
    }
    if (uiTimer !== undefined) {
      clearTimeout(uiTimer);
      uiTimer = undefined;
      void queue(saveUi);
    }
    await saving;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      let restored: DraftRecord | undefined;
      const replayed = journal ? await replayJournal({ storage, journal, tab, now, liveTabs: options.liveTabs }) : {};
      if (replayed.unsaved) {
        // IndexedDB does not work: open the newest unsaved edit from the journal instead of losing it.
        setState({ storageError: describeStorageError(new Error('IndexedDB refused to save')) });
        loading = true;
        try {
          store.load(replayed.unsaved.snapshot);
        } finally {
          loading = false;
        }
        setState({ ready: true });
        return;
      }
      if (replayed.lastDraftId) await guard(() => storage.set(LAST_KEY, replayed.lastDraftId));
      await guard(async () => {
        const lastId = await storage.get(LAST_KEY);
        if (typeof lastId === 'string') restored = await readRecord(lastId);
      });
      if (!restored) {
        await refreshList();
        const newest = state.drafts[0];
        if (newest) restored = await readRecord(newest.id);
      }
      if (restored) await loadRecord(restored);
      setState({ ready: true });
      if (!restored) await queue(() => saveContent());
      await refreshList();
    },
    flush,
    async switchTo(id) {
      if (id === store.getState().draftId) return;
      await flush();
      const record = await readRecord(id);
      if (record) await loadRecord(record);
    },
    async rename(id, name) {
      if (id === store.getState().draftId) {
        store.renameDraft(name);
        await flush();
        return;
      }
      await guard(() =>
        storage.update(draftKey(id), (old) =>
          isDraftRecord(old) ? { ...old, draftName: name.trim() || old.draftName, nameIsCustom: name.trim() !== '', revision: old.revision + 1 } : old,
        ),
      );
      await refreshList();
    },
    async remove(id) {
      await guard(async () => {
        await storage.del(draftKey(id));
        await storage.del(uiKey(id));
      });
      channel?.post({ type: 'deleted', id, revision: 0, tab });
      if (id === store.getState().draftId) {
        if (contentTimer !== undefined) clearTimeout(contentTimer);
        contentTimer = undefined;
        await refreshList();
        const next = state.drafts.find((d) => d.id !== id);
        const record = next ? await readRecord(next.id) : undefined;
        if (record) await loadRecord(record);
        else store.newManifest();
      }
      await refreshList();
    },
    async reload() {
      const record = await readRecord(store.getState().draftId);
      if (record) await loadRecord(record);
      else setState({ conflict: false });
    },
    async keepMine() {
      const doc = store.snapshot();
      const id = newDraftId();
      store.load({ ...doc, draftId: id, draftName: `${doc.draftName} (copy)`, nameIsCustom: true });
      setState({ conflict: false });
      await queue(() => saveContent());
    },
    setScroll(view, y) {
      if (state.scroll[view] === y) return;
      state = { ...state, scroll: { ...state.scroll, [view]: y } };
      if (state.ready) scheduleUi();
    },
    dispose() {
      unsubscribe();
      stopListening?.();
      if (contentTimer !== undefined) clearTimeout(contentTimer);
      if (uiTimer !== undefined) clearTimeout(uiTimer);
    },
  };
}
