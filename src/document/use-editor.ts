/**
 * How React reads the document: `useEditor(selector)` re-renders when the selected value changes, and
 * `useActions()` gives the edits. A provider lets a test or a story render features against a store of its own.
 */
import { createContext, createElement, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { documentStore } from './store';
import type { DocumentStore } from './store';
import type { DocumentActions, EditorState } from './types';

const StoreContext = createContext<DocumentStore>(documentStore);

export function DocumentStoreProvider({ store, children }: { store: DocumentStore; children?: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

export function useDocumentStore(): DocumentStore {
  return useContext(StoreContext);
}

/**
 * The selected part of the editor state. The selection is cached per state, so a selector that builds a new
 * array or object does not loop; it still re-renders on every state change, so prefer selecting stored values.
 */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  const store = useContext(StoreContext);
  const cache = useRef<{ state: EditorState; selector: (state: EditorState) => T; value: T } | undefined>(undefined);
  const select = useCallback(() => {
    const state = store.getState();
    const last = cache.current;
    if (last && last.state === state && last.selector === selector) return last.value;
    const value = selector(state);
    cache.current = { state, selector, value };
    return value;
  }, [store, selector]);
  return useSyncExternalStore(store.subscribe, select, select);
}

export function useActions(): DocumentActions {
  return useContext(StoreContext);
}
