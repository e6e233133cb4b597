/** The composition root: header, draft banners, the views, and Problems, around the features. */
import { Suspense, useEffect, useRef, useState, type ComponentProps } from 'react';
import { useDrafts } from '../document/use-drafts';
import { documentStore } from '../document/store';
import { useEditor } from '../document/use-editor';
import { PageDropZone } from '../features/import';
import { InstallerSlotsContext, type InstallerSlots } from '../document/installer-slots';
import { FetchInstallersButton, InstallerFetch, InstallerFilesPanel, fetchAllInstallers } from '../features/installers';
import { ImportReleaseButton, releaseRepositoryOf } from '../features/releases';
import { InstallerMatcher, LinkedPullRequestBar } from '../features/submit';
import { DraftBanners } from './banners';
import { AppHeader } from './header';
import { ProblemsPanel } from './problems-panel';
import { StartPanel } from './start-panel';
import { draftSession } from './session';
import { useScrollMemory } from './use-scroll-memory';
import { loadView } from './view-modules';
import { ViewTabs } from './view-tabs';

// Form and preview start loading with the shell, beside the draft being read from IndexedDB.
void loadView('form');
void loadView('preview');

/** The Installers section's extra actions: fetching, and a release import when the URLs are GitHub releases. */
function InstallersActions() {
  const repository = useEditor((s) => releaseRepositoryOf(s.set));
  return (
    <>
      <Suspense fallback={null}>
        <FetchInstallersButton />
      </Suspense>
      {repository && <ImportReleaseButton className="wf-button" label={`Import GitHub release from ${repository.replace(/^https:\/\/[^/]+\//, '')}`} />}
    </>
  );
}

/** An installer group's fetch controls; the group draws at once and its controls join when their chunk is in. */
function InstallerGroupActions(props: ComponentProps<typeof InstallerFetch>) {
  return (
    <Suspense fallback={null}>
      <InstallerFetch {...props} />
    </Suspense>
  );
}

const installerSlots: InstallerSlots = { Group: InstallerGroupActions, Section: InstallersActions, fetchAll: () => fetchAllInstallers(documentStore) };

export function App() {
  const { ready: draftReady } = useDrafts(draftSession);
  const draftName = useEditor((s) => s.draftName);
  const [viewReady, setViewReady] = useState(false);
  // The header's `Manifest files` input: the Start region opens the same chooser.
  const manifestInput = useRef<HTMLInputElement>(null);
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
      <InstallerSlotsContext.Provider value={installerSlots}>
        <div className="shell">
          <AppHeader session={draftSession} manifestInput={manifestInput} />
          <DraftBanners session={draftSession} />
          <LinkedPullRequestBar />
          <Suspense fallback={null}>
            <InstallerFilesPanel />
          </Suspense>
          {ready ? (
            <div className="workspace">
              <main className="main">
                <Suspense fallback={null}>
                  <InstallerMatcher />
                </Suspense>
                <StartPanel session={draftSession} manifestInput={manifestInput} />
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
      </InstallerSlotsContext.Provider>
    </PageDropZone>
  );
}
