/** The app's drafts session: IndexedDB storage, a BroadcastChannel between tabs, saving on page hide. */
import { storageJournal } from '../document/draft-journal';
import { broadcastDraftChannel, idbDraftStorage } from '../document/draft-storage';
import { browserTabIdentity } from '../document/tab-identity';
import { createDraftSession } from '../document/drafts';
import type { DraftSession } from '../document/drafts';
import { documentStore } from '../document/store';
import { openSharedDraft } from '../features/share';

const tabIdentity = browserTabIdentity();

export const draftSession = createDraftSession({
  store: documentStore,
  storage: idbDraftStorage(),
  channel: broadcastDraftChannel(),
  journal: storageJournal(),
  tabId: tabIdentity.id,
  liveTabs: () => tabIdentity.liveTabs(),
});

/** Starts restoring right away, before React renders, so the draft is usually there for the first frame. */
export const draftsReady = draftSession.start();
// A share link's draft opens on top of the restored one, which stays saved.
void draftsReady.then(() => openSharedDraft(documentStore));
// A share link pasted into this tab's address bar changes only the fragment: no reload, so listen for it.
window.addEventListener('hashchange', () => void draftsReady.then(() => openSharedDraft(documentStore)));

/** Saves what is pending when the page is hidden or left, where a debounce would never fire. */
function flushOnPageHide(session: DraftSession, target: Window = window): () => void {
  const flush = () => void session.flush();
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') flush();
  };
  target.addEventListener('pagehide', flush);
  target.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', flush);
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}

flushOnPageHide(draftSession);
