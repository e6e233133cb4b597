import { describe, expect, it } from 'vitest';
import { memoryChannelHub, memoryDraftStorage } from './draft-storage';
import type { DraftStorage } from './draft-storage';
import { createDraftSession } from './drafts';
import { createDocumentStore } from './store';

type Obj = Record<string, unknown>;

function tab(storage: DraftStorage, hub = memoryChannelHub(), name = 'a') {
  const store = createDocumentStore({ validateDelayMs: 0 });
  const session = createDraftSession({ store, storage, channel: hub.channel(), tabId: name, saveDelayMs: 5 });
  return { store, session };
}

const setVersion = (store: ReturnType<typeof createDocumentStore>, value: string) =>
  store.updateSet((set) => {
    (set.version as Obj).PackageIdentifier = 'Contoso.Widget';
    (set.version as Obj).PackageVersion = value;
    return set;
  });

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('drafts', () => {
  it('saves changes and restores the last draft, its view and YAML tab on reload', async () => {
    const storage = memoryDraftStorage();
    const first = tab(storage);
    await first.session.start();
    setVersion(first.store, '2.0.0');
    first.store.setView('yaml');
    first.store.setActiveFile('installer');
    first.session.setScroll('yaml', 120);
    await settle();
    await first.session.flush();

    const reloaded = tab(storage);
    await reloaded.session.start();
    const state = reloaded.store.getState();
    expect(state.draftId).toBe(first.store.getState().draftId);
    expect((state.set.version as Obj).PackageVersion).toBe('2.0.0');
    expect(state.files[0]!.text).toContain('PackageVersion: 2.0.0');
    expect(state.view).toBe('yaml');
    expect(state.activeFileKey).toBe('installer');
    expect(reloaded.session.getState().scroll.yaml).toBe(120);
    expect(reloaded.session.getState().drafts.map((d) => d.name)).toEqual(['Contoso.Widget 2.0.0']);
  });

  it('lists, switches, renames and deletes drafts', async () => {
    const { store, session } = tab(memoryDraftStorage());
    await session.start();
    setVersion(store, '1.0.0');
    await session.flush();
    const firstId = store.getState().draftId;
    store.newManifest();
    setVersion(store, '3.0.0');
    await settle();
    await session.flush();
    expect(session.getState().drafts).toHaveLength(2);

    await session.switchTo(firstId);
    expect((store.getState().set.version as Obj).PackageVersion).toBe('1.0.0');
    await session.rename(firstId, 'My widget');
    expect(store.getState().draftName).toBe('My widget');
    expect(session.getState().drafts.find((d) => d.id === firstId)!.name).toBe('My widget');

    await session.remove(firstId);
    expect(session.getState().drafts.map((d) => d.id)).not.toContain(firstId);
    expect((store.getState().set.version as Obj).PackageVersion).toBe('3.0.0');
  });

  it('saves the last edits of a draft left before its save was due', async () => {
    const storage = memoryDraftStorage();
    const { store, session } = tab(storage);
    await session.start();
    const firstId = store.getState().draftId;
    setVersion(store, '7.0.0');
    store.newManifest();
    await settle();
    await session.flush();
    const first = (await storage.get(`draft:${firstId}`)) as { set: { version: Obj } };
    expect(first.set.version.PackageVersion).toBe('7.0.0');
    expect(session.getState().drafts).toHaveLength(2);
  });

  it('does not let two tabs overwrite each other silently', async () => {
    const storage = memoryDraftStorage();
    const hub = memoryChannelHub();
    const a = tab(storage, hub, 'a');
    await a.session.start();
    setVersion(a.store, '1.0.0');
    await settle();
    await a.session.flush();
    const b = tab(storage, hub, 'b');
    await b.session.start();
    expect(b.store.getState().draftId).toBe(a.store.getState().draftId);

    setVersion(b.store, '2.0.0');
    await settle();
    await b.session.flush();
    expect(a.session.getState().conflict).toBe(true);

    // Tab a edits anyway: its save must not replace b's revision.
    setVersion(a.store, '1.5.0');
    await settle();
    await a.session.flush();
    const key = `draft:${a.store.getState().draftId}`;
    expect(((await storage.get(key)) as { set: { version: Obj } }).set.version.PackageVersion).toBe('2.0.0');

    await a.session.keepMine();
    expect(a.session.getState().conflict).toBe(false);
    expect(a.store.getState().draftId).not.toBe(b.store.getState().draftId);
    expect((a.store.getState().set.version as Obj).PackageVersion).toBe('1.5.0');
    expect(a.session.getState().drafts).toHaveLength(2);

    // b never saw a conflict, and reload in a third tab takes b's version.
    expect(b.session.getState().conflict).toBe(false);
    setVersion(a.store, '1.6.0');
    await a.session.switchTo(b.store.getState().draftId);
    expect((a.store.getState().set.version as Obj).PackageVersion).toBe('2.0.0');
  });

  it('offers reload after a conflict', async () => {
    const storage = memoryDraftStorage();
    const hub = memoryChannelHub();
    const a = tab(storage, hub, 'a');
    await a.session.start();
    const b = tab(storage, hub, 'b');
    await b.session.start();
    setVersion(b.store, '4.0.0');
    await settle();
    await b.session.flush();
    expect(a.session.getState().conflict).toBe(true);
    await a.session.reload();
    expect(a.session.getState().conflict).toBe(false);
    expect((a.store.getState().set.version as Obj).PackageVersion).toBe('4.0.0');
  });

  it('reports storage errors and keeps the editor working', async () => {
    const failing: DraftStorage = {
      get: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      set: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      update: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      del: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      entries: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    };
    const { store, session } = tab(failing);
    await session.start();
    expect(session.getState().ready).toBe(true);
    expect(session.getState().storageError).toMatch(/storage is full/);
    setVersion(store, '5.0.0');
    expect((store.getState().set.version as Obj).PackageVersion).toBe('5.0.0');
  });
});
