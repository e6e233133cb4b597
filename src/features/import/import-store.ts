import { useSyncExternalStore } from 'react';
import type { ImportProblem, ManifestCandidate } from './read-sources';

/** What the import controls share: the file input, the page drop zone and the dialogs they show. */
export interface ImportState {
  busy: boolean;
  /** Several manifests were found: the user picks one. */
  choice?: { candidates: ManifestCandidate[]; problems: ImportProblem[] };
  /** Problems to show in a dialog: an import that failed, or files skipped beside one that worked. */
  report?: { title: string; problems: ImportProblem[]; failed: boolean };
  /** The last successful import, for a status line. */
  notice?: string;
  /** Mounted drop zones; while there is one it hosts the dialogs, otherwise the file input does. */
  dropZones: number;
}

let state: ImportState = { busy: false, dropZones: 0 };
const listeners = new Set<() => void>();

export const importStore = {
  getState: (): ImportState => state,
  update(patch: Partial<ImportState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useImportState<T>(selector: (s: ImportState) => T): T {
  return useSyncExternalStore(importStore.subscribe, () => selector(importStore.getState()));
}
