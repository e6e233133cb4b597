/** The document store's interface beyond the features' DocumentActions: what drafts and tests drive. */
import type { WritableManifestVersion } from '../core/manifest-version';
import type { ManifestSet } from '../core/model/types';
import type { LinkedPullRequest } from '../core/repo/pull-request-link';
import type { TodoProgress } from './todo';
import type { DocumentActions, EditorState, ManifestFileText, ViewName } from './types';

/** What a draft stores and loads: the document without its derived parts (findings, focus). */
export interface DocumentSnapshot {
  draftId: string;
  draftName: string;
  /** True once the user named the draft; otherwise the name follows the package identifier and version. */
  nameIsCustom: boolean;
  manifestVersion: WritableManifestVersion;
  set: ManifestSet;
  files: ManifestFileText[];
  view: ViewName;
  activeFileKey: string;
  /** The open pull request this draft edits (Push changes updates it), when it was loaded from one. */
  pullRequest?: LinkedPullRequest;
  /** Which empty fields are To do rather than errors (absent: none typed in, none asked for). */
  todoProgress?: TodoProgress;
}

export interface DocumentStore extends DocumentActions {
  getState(): EditorState;
  subscribe(listener: () => void): () => void;
  snapshot(): DocumentSnapshot;
  /** Replaces the document (a draft loaded from storage); the form resets. */
  load(snapshot: DocumentSnapshot): void;
  renameDraft(name: string): void;
  /** Runs a pending validation now (after the validator has loaded). */
  flushValidation(): Promise<void>;
}

export interface DocumentStoreOptions {
  /** Debounce of validation after an edit, ≤ 100 ms. */
  validateDelayMs?: number;
  newId?: () => string;
}
