import { beforeAll, describe, expect, it } from 'vitest';
import { memoryKeyValue, storageJournal, type DraftJournal } from './draft-journal';
import { memoryChannelHub, memoryDraftStorage, type DraftStorage } from './draft-storage';
import { createDraftSession } from './drafts';
import { createDocumentStore } from './store';
import { validatorReady } from './validator';

// A store schedules validation at once; the validator chunk must arrive before this (fast) file is torn down.
beforeAll(async () => {
  await validatorReady;
});

type Obj = Record<string, unknown>;

/** A tab whose saves wait far longer than the test: only the journal can keep its edits. */
function tab(storage: DraftStorage, journal: DraftJournal, name: string, live: ReadonlySet<string> = new Set(), saveDelayMs = 60_000) {
  const store = createDocumentStore({ validateDelayMs: 0 });
  const session = createDraftSession({ store, storage, journal, channel: memoryChannelHub().channel(), tabId: name, saveDelayMs, liveTabs: async () => live });
  return { store, session };
}

const setVersion = (store: ReturnType<typeof createDocumentStore>, value: string) =>
  store.updateSet((set) => {
    (set.version as Obj).PackageIdentifier = 'Contoso.Widget';
    (set.version as Obj).PackageVersion = value;
    return set;
  });
const version = (store: ReturnType<typeof createDocumentStore>) => (store.getState().set.version as Obj).PackageVersion;

function refusingStorage(): DraftStorage {
  const fail = async (): Promise<never> => {
    throw new DOMException('The operation failed', 'UnknownError');
  };
  return { get: fail, set: fail, update: fail, del: fail, entries: fail };
}

describe('the draft journal', () => {
  it('holds an edit in the same task, so a reload right after it brings it back', async () => {
    const storage = memoryDraftStorage();
    const kv = memoryKeyValue();
    const before = tab(storage, storageJournal(kv)!, 'tab-1');
    await before.session.start();
    setVersion(before.store, '2.0.0');
    expect([...kv.data.values()].some((v) => v.includes('PackageVersion: 2.0.0'))).toBe(true);
    before.session.dispose(); // the page is gone before its debounced save

    const after = tab(storage, storageJournal(kv)!, 'tab-1');
    await after.session.start();
    expect(after.store.getState().draftId).toBe(before.store.getState().draftId);
    expect(version(after.store)).toBe('2.0.0');
    expect(kv.data.size).toBe(0);
  });

  it('is cleared once IndexedDB holds the edit, and only up to what was saved', async () => {
    const kv = memoryKeyValue();
    const { store, session } = tab(memoryDraftStorage(), storageJournal(kv)!, 'tab-1', new Set(), 5);
    await session.start();
    setVersion(store, '1.0.0');
    await session.flush();
    expect(kv.data.size).toBe(0);
  });

  it('leaves the entries of a tab that is still open to that tab', async () => {
    const storage = memoryDraftStorage();
    const kv = memoryKeyValue();
    const other = tab(storage, storageJournal(kv)!, 'tab-open');
    await other.session.start();
    setVersion(other.store, '5.0.0');
    const mine = tab(storage, storageJournal(kv)!, 'tab-new', new Set(['tab-open']));
    await mine.session.start();
    expect(kv.data.size).toBe(1);
    expect(version(mine.store)).not.toBe('5.0.0');
  });

  it('keeps both when someone saved the draft after the journal’s base: the journal becomes a recovered copy', async () => {
    const storage = memoryDraftStorage();
    const kv = memoryKeyValue();
    const closed = tab(storage, storageJournal(kv)!, 'tab-closed');
    await closed.session.start();
    const id = closed.store.getState().draftId;
    setVersion(closed.store, '1.0.0-mine');
    closed.session.dispose();
    // Another tab saved a newer revision of the same draft meanwhile.
    await storage.update(`draft:${id}`, (old) => ({ ...(old as Obj), draftName: 'Theirs', revision: 9 }));

    const next = tab(storage, storageJournal(kv)!, 'tab-next');
    await next.session.start();
    const names = next.session.getState().drafts.map((d) => d.name).sort();
    expect(names).toEqual(['Contoso.Widget 1.0.0-mine (recovered)', 'Theirs']);
    expect(((await storage.get(`draft:${id}`)) as Obj).revision).toBe(9);
  });

  it('opens the journal from memory when IndexedDB refuses, and says drafts are not being saved', async () => {
    const kv = memoryKeyValue();
    const first = tab(memoryDraftStorage(), storageJournal(kv)!, 'tab-1');
    await first.session.start();
    setVersion(first.store, '3.1.4');
    first.session.dispose();

    const broken = tab(refusingStorage(), storageJournal(kv)!, 'tab-1');
    await broken.session.start();
    expect(version(broken.store)).toBe('3.1.4');
    expect(broken.session.getState().storageError).toMatch(/cannot be saved/);
    expect(kv.data.size).toBe(1);
  });
});
