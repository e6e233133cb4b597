/**
 * Where the editor was in each file (scroll, caret, selection), kept across view switches and reloads of the tab.
 * The editor component remembers view states only while it is mounted; the YAML view unmounts it for the form.
 * sessionStorage, not the draft: a position is worth keeping for this tab, not worth syncing or exporting.
 */
import type { monaco } from './monaco-setup';

type ViewState = monaco.editor.ICodeEditorViewState;
type CodeEditor = monaco.editor.IStandaloneCodeEditor;

const STORAGE_KEY = 'wingsmith.yaml-view-states';
/** Enough for every file of several drafts; older positions are let go first. */
const MAX_FILES = 60;
const SAVE_DELAY_MS = 250;

let states: Map<string, ViewState> | undefined;

function load(): Map<string, ViewState> {
  if (states) return states;
  states = new Map();
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(saved)) for (const [uri, state] of saved as [string, ViewState][]) states.set(uri, state);
  } catch {
    // Unreadable or unavailable storage: positions are a convenience, start without them.
  }
  return states;
}

function persist(all: Map<string, ViewState>): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...all].slice(-MAX_FILES)));
  } catch {
    // Full or unavailable storage: the in-memory positions still serve this page.
  }
}

/** In memory at once (so a file switch right after a scroll finds it), in storage when `store` is set. */
function save(editor: CodeEditor, store: boolean): void {
  const uri = editor.getModel()?.uri.toString();
  const state = editor.saveViewState();
  const all = load();
  if (uri && state) {
    all.delete(uri); // re-inserted last: the map's order is the order of use
    all.set(uri, state);
  }
  if (store) persist(all);
}

/** Puts the editor back where it was in its current file, if it has been there before. */
export function restoreViewState(editor: CodeEditor): void {
  const uri = editor.getModel()?.uri.toString();
  const state = uri ? load().get(uri) : undefined;
  if (state) editor.restoreViewState(state);
}

/** Saves the position as the user scrolls and moves, and once more when the editor goes; returns the stop. */
export function trackViewState(editor: CodeEditor): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const moved = () => {
    save(editor, false);
    clearTimeout(timer);
    timer = setTimeout(() => save(editor, true), SAVE_DELAY_MS);
  };
  const subscriptions = [
    editor.onDidScrollChange(moved),
    editor.onDidChangeCursorSelection(moved),
    // Another file or draft in the same editor: back to where the user was in that one.
    editor.onDidChangeModel(() => restoreViewState(editor)),
  ];
  return () => {
    clearTimeout(timer);
    save(editor, true);
    subscriptions.forEach((s) => s.dispose());
  };
}
