import { useMemo } from 'react';
import { useActions, useDocumentStore } from '../../document/use-editor';
import * as fetches from './fetch-jobs';
import * as jobs from './installer-jobs';
import type { Placed } from './suggestions';

/** The installer-file actions bound to the current document. */
export function useInstallerFiles() {
  const actions = useActions();
  const store = useDocumentStore();
  return useMemo(
    () => ({
      add: (files: readonly File[], dropped = false) => jobs.addFiles(actions, store.getState().draftId, files, dropped),
      cancel: (id: number) => jobs.cancel(id),
      dismiss: (id: number) => jobs.dismiss(id),
      replace: (id: number) => jobs.replaceHash(actions, id),
      assignTo: (id: number, target: number | 'new') => jobs.assignTo(actions, id, target),
      accept: (id: number, placed: Placed) => jobs.acceptSuggestion(actions, id, placed),
      chooseNested: (id: number, path: string) => jobs.chooseNested(actions, id, path, (row, nested) => fetches.refetchForNested(actions, row, nested)),
      fetch: (url: string) => fetches.fetchInstaller(actions, store.getState().draftId, url, String(store.getState().set.version.PackageVersion ?? '')),
      fetchMissing: () => fetches.fetchMissing(actions, store.getState().draftId, store.getState().set),
      retry: (id: number) => fetches.retryFetch(actions, id),
    }),
    [actions, store],
  );
}
