/** React access to the drafts session (list, conflict, storage state). */
import { useSyncExternalStore } from 'react';
import type { DraftSession, DraftsState } from './drafts';

export function useDrafts(session: DraftSession): DraftsState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}
