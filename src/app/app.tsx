/** The composition root: header, draft banners, the views, and Problems, around the features. */
import { useEffect, useState } from 'react';
import { useDrafts } from '../document/use-drafts';
import { documentStore } from '../document/store';
import { useEditor } from '../document/use-editor';
import { PageDropZone } from '../features/import';
import { InstallerFilesPanel } from '../features/installers';
import { InstallerMatcher } from '../features/submit';
import { DraftBanners } from './banners';
import { AppHeader } from './header';
import { ProblemsPanel } from './problems-panel';
import { draftSession } from './session';
import { useScrollMemory } from './use-scroll-memory';
import { loadView } from './view-modules';
import { ViewTabs } from './view-tabs';

// Form and preview start loading with the shell, beside the draft being read from IndexedDB.
void loadView('form');
void loadView('preview');

export function App() {
  const { ready: draftReady } = useDrafts(draftSession);
  const draftName = useEditor((s) => s.draftName);
  const [viewReady, setViewReady] = useState(false);
  const ready = draftReady && viewReady;
  useScrollMemory(draftSession, ready);

  useEffect(() => {
    if (!draftReady) return;
    // The view the draft opens on; a failed chunk still opens the workspace (the view shows its own error).
    const done = () => setViewReady(true);
    loadView(documentStore.getState().view).then(done, done);
  }, [draftReady]);

  useEffect(() => {
    document.title = `Wingsmith — ${draftName}`;
  }, [draftName]);

  return (
    <PageDropZone>
      <div className="shell">
        <AppHeader session={draftSession} />
        <DraftBanners session={draftSession} />
        <InstallerFilesPanel />
        {ready ? (
          <div className="workspace">
            <main className="main">
              <InstallerMatcher />
              <ViewTabs />
            </main>
            <ProblemsPanel />
          </div>
        ) : (
          <div className="workspace workspace-loading" aria-busy="true">
            <p className="view-loading">Opening your last draft…</p>
          </div>
        )}
      </div>
    </PageDropZone>
  );
}
